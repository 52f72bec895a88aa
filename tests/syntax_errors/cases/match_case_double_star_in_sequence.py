match p:
    case [**rest]:
        pass

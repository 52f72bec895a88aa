match p:
    case [x, x]:
        pass

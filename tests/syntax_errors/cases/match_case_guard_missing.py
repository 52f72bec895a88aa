match p:
    case x if:
        pass

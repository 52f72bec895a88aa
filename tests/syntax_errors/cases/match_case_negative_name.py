match p:
    case -x:
        pass

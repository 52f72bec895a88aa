match p:
    case f(x) + 1:
        pass

match p:
    case Point(1 + 1):
        pass

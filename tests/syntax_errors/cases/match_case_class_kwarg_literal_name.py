match p:
    case Point(1=x):
        pass

match p:
    case 1 + 2:
        pass

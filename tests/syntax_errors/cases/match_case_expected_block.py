match p:
    case 1:
    x = 1

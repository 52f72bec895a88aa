match p:
    case 1j + 2j:
        pass

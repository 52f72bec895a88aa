match p:
    case f'x':
        pass

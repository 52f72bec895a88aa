match p:
    case [x] as:
        pass

match p:
    case {**rest, 'a': 1}:
        pass

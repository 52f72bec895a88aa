match p:
    case {'a': x, **x}:
        pass

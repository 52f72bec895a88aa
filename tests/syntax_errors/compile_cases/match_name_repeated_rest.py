match x:
    case {"k": a, **a}: pass

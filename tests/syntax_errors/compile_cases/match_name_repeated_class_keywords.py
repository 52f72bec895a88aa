match x:
    case C(x=a, y=a): pass

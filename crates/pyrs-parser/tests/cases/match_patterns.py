match p:
    case [1, *rest] if rest:
        pass
    case {"k": v, **kw}:
        pass
    case Point(x=0, y=_) | None:
        pass
    case -1 + 2j as c:
        pass

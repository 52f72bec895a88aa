match p:
    case [x] as _:
        pass

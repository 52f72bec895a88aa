match p:
    case [x] as y.z:
        pass

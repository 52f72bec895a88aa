for x in y:
    try: pass
    except* E:
        if z: break

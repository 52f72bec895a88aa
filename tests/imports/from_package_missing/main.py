try:
    from pkg import nothere
except ImportError as e:
    print(type(e).__name__, e)

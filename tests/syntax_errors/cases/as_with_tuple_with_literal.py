with open('f') as (a, 1):
    pass

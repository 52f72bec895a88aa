print('inner', __name__, __file__)

print('top', __file__)

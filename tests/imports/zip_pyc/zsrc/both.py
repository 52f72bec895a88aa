print('both from', __file__)

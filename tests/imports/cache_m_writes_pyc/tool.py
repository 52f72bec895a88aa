print('tool', __name__)

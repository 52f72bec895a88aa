print('pkg main', __name__, __spec__.name, __file__, __package__)

NAME = 'plugin from extra'

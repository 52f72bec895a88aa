P = 'pkg from pyc'

import pkg.x

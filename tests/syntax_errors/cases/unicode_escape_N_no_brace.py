s = '\Nabc'

print("pkg.sub body")

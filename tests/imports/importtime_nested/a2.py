import a1

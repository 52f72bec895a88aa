print("Hello World!")

def printChai():
    print("Chai")

printChai()

print("Hello World!")

def printChai():
    print("Chai is ready")

printChai()

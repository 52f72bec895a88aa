print("Hello World!")
def printChai():
    print("chai is ready")
printChai()

from main import printChai

printChai()

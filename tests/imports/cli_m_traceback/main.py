print("main.py is not run by these steps")

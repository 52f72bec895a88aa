import sys
print("app", __name__)
sys.exit(4)

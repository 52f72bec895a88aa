import sys
print("out")
sys.exit("error: fatal message")

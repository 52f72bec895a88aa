import sys
print(__name__, __package__, __spec__.name, sys.argv[1:])
if __name__ == '__main__':
    print('run as main')

# marshal.dump/load through a real binary file: load stops after each object (the file
# position is the object's end), EOFError at the end. The file sits beside this program,
# named by the process id, and is removed.
import marshal
import os

p = os.path.join(os.path.dirname(os.path.abspath(__file__)), f'marshal_real_file_{os.getpid()}.bin')
try:
    with open(p, 'wb') as f:
        print(marshal.dump([1, 'a'], f), marshal.dump({'x': (1.5, None)}, f), marshal.dump(2 ** 80, f, 2))
    with open(p, 'rb') as f:
        print(marshal.load(f), f.tell(), marshal.load(f), f.tell(), marshal.load(f), f.tell())
        try:
            marshal.load(f)
        except EOFError as e:
            print('EOFError', e)
finally:
    os.remove(p)

import a
import a
import b
import sys
print(sys.modules['a'] is a, a.count)

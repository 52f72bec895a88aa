# Pure-Python standard-library modules that need nothing native import from CPython's
# own Lib/ (found through sys.path), run, and get a bytecode cache beside CPython's own in
# Lib/__pycache__ (pyrs's tag differs, so the two coexist, as PEP 3147 intends).
import sys
import __future__
import bisect
import colorsys
import copyreg
import heapq
import opcode
import operator
import stat
import token

# (`stat` is left out here: CPython 3.11 freezes it, pyrs loads it from Lib/.)
for m in (__future__, bisect, colorsys, copyreg, heapq, opcode, operator, token):
    print(m.__name__, m.__file__ == f"{sys._stdlib_dir}/{m.__name__}.py",
          m.__spec__.origin == m.__file__, type(m.__loader__).__name__)
print(__future__.annotations, __future__.all_feature_names[:3])
a = [1, 3, 5, 7]
bisect.insort(a, 4)
print(a, bisect.bisect_left(a, 5))
print([round(x, 4) for x in colorsys.rgb_to_hsv(0.2, 0.4, 0.4)])
h = [5, 1, 4, 2, 3]
heapq.heapify(h)
print([heapq.heappop(h) for _ in range(5)], heapq.nlargest(2, [4, 9, 1, 7]))
print(opcode.opname[100], opcode.opmap["RETURN_VALUE"], opcode.HAVE_ARGUMENT)
print(operator.add(2, 3), operator.itemgetter(1, 2)("abcd"), operator.attrgetter("real")(5))
print(stat.S_ISDIR(0o040755), stat.filemode(0o100644), stat.S_IMODE(0o100755))
print(token.tok_name[token.NAME], token.EXACT_TOKEN_TYPES["+="])
print(copyreg._reconstructor.__name__)
# The cache is in Lib/__pycache__ when that directory is writable (here it is).
for m in (bisect, colorsys, heapq):
    with open(m.__cached__, "rb") as f:
        print(m.__name__, m.__cached__.startswith(sys._stdlib_dir + "/__pycache__/"),
              len(f.read(16)))

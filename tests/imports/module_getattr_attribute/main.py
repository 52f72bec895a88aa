import lazy
print(lazy.REAL, lazy.computed_abc, getattr(lazy, "computed_x", None))
print(hasattr(lazy, "computed_y"), hasattr(lazy, "missing"), getattr(lazy, "missing", "dflt"))
try:
    lazy.missing
except AttributeError as e:
    print("AttributeError", e)
from lazy import computed_zz
print(computed_zz)
import sys
print(sys.modules["lazy"].computed_q)

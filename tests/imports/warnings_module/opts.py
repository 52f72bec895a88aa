# -W options and PYTHONWARNINGS reach the filters: `warnings` is imported at startup.
# Warnings are issued from code named '<string>' so that none is displayed with a source
# line (pyrs cannot import linecache yet, so a real file's line would be missing;
# docs/differences.md).
import sys, warnings
print('warnings' in sys.modules, sys.warnoptions)
print(warnings.filters[:2])


def w(msg, cat):
    exec(compile(f'import warnings\nwarnings.warn({msg!r}, {cat.__name__})', '<string>', 'exec'))


try:
    w("as error", UserWarning)
    print("not raised")
except UserWarning as e:
    print("raised", e)
w("a dep", DeprecationWarning)

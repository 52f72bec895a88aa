# An uncaught exception is reported by sys.excepthook(type, value, traceback); a hook
# that raises gets "Error in sys.excepthook:" and the original report after it.
import sys

def hook(t, v, tb):
    print("hook:", t.__name__, v, tb is v.__traceback__, tb.tb_lineno > 0)
    sys.__excepthook__(t, v, tb)
    raise RuntimeError("hook failed")

sys.excepthook = hook
print("before")
raise ValueError("uncaught")

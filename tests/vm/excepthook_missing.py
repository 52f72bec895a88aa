# Without sys.excepthook the report says so, then the traceback.
import sys

del sys.excepthook
raise KeyError("k")

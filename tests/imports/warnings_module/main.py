import warnings, sys
print(warnings.filters is __import__('_warnings').filters)
def show(message, category, filename, lineno, file=None, line=None):
    print(f"shown: {filename.rpartition('/')[2]}:{lineno}: {category.__name__}: {message}")
warnings.showwarning = show
def g():
    warnings.warn("via warnings", stacklevel=2)
g()
warnings.simplefilter("ignore")
warnings.warn("silent")
warnings.resetwarnings()
warnings.simplefilter("always")
for i in range(2):
    warnings.warn("always shown")
with warnings.catch_warnings(record=True) as w:
    warnings.warn("recorded", FutureWarning)
print([str(x.message) for x in w], w[0].category.__name__, w[0].lineno)
warnings.filterwarnings("error", category=UserWarning)
try:
    warnings.warn("err")
except UserWarning as e:
    print("caught", e)
warnings.resetwarnings()
warnings.warn_explicit("expl", UserWarning, "somefile.py", 3, module_globals=globals())
exec(compile('import warnings\nwarnings.warn("in exec", stacklevel=1)', '<string>', 'exec'))
warnings.showwarning = warnings._showwarning_orig
exec(compile('import warnings\nwarnings.warn("in exec default display")', '<string>', 'exec'))
def showme(msg):
    print("custom show:", msg.message, msg.category.__name__, msg.filename.endswith("second.py"), msg.lineno)
warnings._showwarnmsg = showme
warnings.warn("routed")

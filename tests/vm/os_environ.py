# os.environ, os.getenv, putenv/unsetenv through the native posix module.
import os

print(type(os.environ).__name__, "PATH" in os.environ, os.environ["PATH"] == os.getenv("PATH"))
print(os.environb[b"PATH"] == os.fsencode(os.environ["PATH"]))
os.environ["PYRS_ENV_A"] = "1"
print(os.environ["PYRS_ENV_A"], os.getenv("PYRS_ENV_A"), os.environb[b"PYRS_ENV_A"])
os.environ["PYRS_ENV_A"] = "two words"
print(os.popen is not None, os.environ.get("PYRS_ENV_A"))
del os.environ["PYRS_ENV_A"]
print("PYRS_ENV_A" in os.environ, os.getenv("PYRS_ENV_A", "dflt"), os.environ.get("PYRS_ENV_A"))
try:
    os.environ["PYRS_ENV_B"]
except KeyError as e:
    print("KeyError", e)
os.environ.setdefault("PYRS_ENV_C", "c")
print(os.environ.pop("PYRS_ENV_C"), "PYRS_ENV_C" in os.environ)
try:
    os.environ["x"] = 1
except TypeError as e:
    print("TypeError", e)
for args in (("a=b", "c"), ("", "c"), ("a", "b\0c")):
    try:
        os.putenv(*args)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
for name in ("", "a=b"):
    try:
        os.unsetenv(name)
    except OSError as e:
        print(type(e).__name__, e)
os.putenv("PYRS_ENV_D", "d")
print("PYRS_ENV_D" in os.environ)
os.unsetenv("PYRS_ENV_D")
print(isinstance(os.get_exec_path(), list), os.get_exec_path({"PATH": "/x:/y"}))
c = os.environ.copy()
print(type(c).__name__, c == dict(os.environ))

# PEP 562: a module-level __getattr__ answers attribute lookups the module dict misses.
REAL = "real"


def __getattr__(name):
    if name.startswith("computed_"):
        return name[len("computed_"):].upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

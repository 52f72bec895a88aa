from mod import lazy, other
print(lazy, other)
try:
    from mod import missing
except ImportError as e:
    print(e)

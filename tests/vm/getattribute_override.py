class G:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def method(self):
        return "m"
g = G()
print(g.a, g.secret, g.method(), getattr(g, "secret"), hasattr(g, "nope"))
try:
    g.missing
except AttributeError as e:
    print(e)
class WithFallback:
    def __getattribute__(self, name):
        if name.startswith("x"):
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
w = WithFallback()
print(w.xyz, w.__class__.__name__)
class Sub(G):
    pass
print(Sub().secret)
class Log:
    def __init__(self):
        self.calls = []
    def __getattribute__(self, name):
        object.__getattribute__(self, "calls").append(name)
        return object.__getattribute__(self, name)
l = Log()
l.calls
l.calls
print(object.__getattribute__(l, "calls"))
class Late:
    pass
Late.__getattribute__ = lambda self, n: "late " + n
print(Late().anything)

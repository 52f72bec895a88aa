class Loop:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    Loop().a
except RecursionError as e:
    print("RecursionError", str(e)[:40])
class Self:
    def __getattribute__(self, name):
        return self.other
try:
    Self().x
except RecursionError as e:
    print("RecursionError from __getattribute__")
print("still alive")

class P:
    def __repr__(self):
        return "P()"
class Q(P):
    def __str__(self):
        return "a Q"
print(P(), str(P()), repr(Q()), str(Q()), [Q()], f"{Q()!r} {Q()}")
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), ascii("é"), repr("\x00\t\n"))

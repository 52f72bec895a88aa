# collections.abc generic aliases (_CallableGenericAlias, a GenericAlias subclass), alias bases.
import collections.abc as cabc, os, contextlib, functools
c = cabc.Callable[[int, str], float]
print(c, type(c), c.__args__, c.__origin__, c.__parameters__)
print(cabc.Callable[..., int], cabc.Iterable[int], cabc.Mapping[str, int].__mro_entries__((1,)))
print(os.PathLike[str], contextlib.AbstractContextManager[int])
class L(cabc.Sequence[int]):
    def __getitem__(self, i): return i
    def __len__(self): return 0
print(L.__orig_bases__, L.__mro__[1])
print(c == cabc.Callable[[int, str], float], hash(c) == hash(cabc.Callable[[int, str], float]))
print(dir(c)[:3], c.__reduce__()[0].__name__)

"""Compile-time SyntaxWarnings: each case compiles (warning as CPython 3.11 does) and
never runs. The warnings are compared with python3 by hand (see
docs/internals/compiler.md); run, the program prints one line."""


def _cases():
    [(1, 2) (3, 4)]
    [(x, y) (3, 4)]
    [[1, 2] (3, 4)]
    [{1, 2} (3, 4)]
    [{1: 2} (3, 4)]
    [[i for i in range(5)] (3, 4)]
    [{i for i in range(5)} (3, 4)]
    [(i for i in range(5)) (3, 4)]
    [{i: i for i in range(5)} (3, 4)]
    [f"{x}" (3, 4)]
    [f"x={x}" (3, 4)]
    ["abc" (3, 4)]
    [b"abc" (3, 4)]
    [123 (3, 4)]
    [12.3 (3, 4)]
    [12.3j (3, 4)]
    [None (3, 4)]
    [True (3, 4)]
    [... (3, 4)]
    [{1, 2} [i, j]]
    [{i for i in range(5)} [i, j]]
    [(i for i in range(5)) [i, j]]
    [(lambda x, y: x) [i, j]]
    [123 [i, j]]
    [12.3 [i, j]]
    [12.3j [i, j]]
    [None [i, j]]
    [True [i, j]]
    [... [i, j]]
    [(1, 2) [i, j]]
    [(x, y) [i, j]]
    [[1, 2] [i, j]]
    [[i for i in range(5)] [i, j]]
    [f"{x}" [i, j]]
    [f"x={x}" [i, j]]
    ["abc" [i, j]]
    [b"abc" [i, j]]
    [[1, 2] [3, 4]]
    [[1, 2] [[3, 4]]]
    [[1, 2] [[i for i in range(5)]]]
    [[1, 2] [{3, 4}]]
    [[1, 2] [{i for i in range(5)}]]
    [[1, 2] [{3: 4}]]
    [[1, 2] [{i: i for i in range(5)}]]
    [[1, 2] [(i for i in range(5))]]
    [[1, 2] [(lambda x, y: x)]]
    [[1, 2] [f"{x}"]]
    [[1, 2] [f"x={x}"]]
    [[1, 2] ["abc"]]
    [[1, 2] [b"abc"]]
    [[1, 2] [12.3]]
    [[1, 2] [12.3j]]
    [[1, 2] [None]]
    [[1, 2] [...]]
    [(lambda x, y: x) (3, 4)]
    [[1, 2] [i]]
    [[1, 2] [0]]
    [[1, 2] [True]]
    [[1, 2] [1:2]]
    [{(1, 2): 3} [i, j]]
    x is 1
    x is not "a"
    x is ()
    x is (1, 2)
    x is -1
    x is None is 1
    1 < x is 2
    x is ... is True
    not (x is 1)
    not (x is not 1)
    if x is 1 or x is 2: pass
    while x is not 3: break
    y = x if x is () else 0
    assert (x, 1)
    assert (x,)
    assert ()
    assert (1, 2)
    __debug__()
    (-1)()
    (1 + 2)[0]
    "a"[1.5]
    "a"[None]
    (x, y)["a"]
    [1][x,]
    f"{x}"["a"]
    b"x"[1.0]
    (1, 2)[x]
    {1}[0]
    (lambda: 0)[1]
    "a"[1:2]
    "a"[True]
    "a"[-1]
    try:
        pass
    finally:
        x is 1
    with a:
        x is 2
    for i in x:
        i is 3
    else:
        i is 4
    print(1 (2))
    x[1] = "a"["b"]
    del "a"[1.0]


print("syntax warnings compiled")

# format() of floats, ints and complex over a grid of specs: the complex formatter shares
# the float one (builtins/format.rs), including '#' on repr-like parts and the 'r' refusal.
for v in [1.0, -0.0, 0.5, 1e16, 1e-5, 123456.789, float('nan'), float('-inf'), 1e22, 5, -7]:
    for s in ['', 'r', '.2', '.0', '.3', '10', '#', '#.0', ',', '_', '+.5', 'n', '.2n', 'g', '#g', 'z.1', 'z', '%', '.1%', 'e', 'f', '>12.4', '010.2', 'E', 'G']:
        try: print(repr(v), repr(s), format(v, s))
        except Exception as e: print(repr(v), repr(s), type(e).__name__, e)
print(f"{1.5:.3} {2.0!r:>8} {3.0:{'.1'}}")
for v in [1+2j, -0.0+1j, 0j, 1e20+1e-5j, complex('nan+infj'), 1234567.5-2j, -1.5e300j]:
    for s in ['', '10', '<30', '^30', '*>30', '+', ' ', '.2', '.3f', 'e', '.0e', 'g', 'n', ',', '_.2f', '#', '#g', 'z.1f', '+.3g', 'E', 'F', 'G', '30.2e', ',f']:
        try: print(repr(s), format(v, s))
        except Exception as e: print(repr(s), type(e).__name__, e)
    for s in ['010', '0<5', '=10', 'x', '%', 'd', ',n', '.', '1_,', 'abc']:
        try: print(repr(s), format(v, s))
        except Exception as e: print(repr(s), type(e).__name__, e)

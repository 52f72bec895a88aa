# Traceback entries' tb_frame: frame objects with f_code/f_globals/f_locals/f_back as traceback.extract_tb and walk_tb read them.
import sys

def inner(x):
    y = x * 2
    raise ValueError('bad %d' % y)

def outer():
    z = 'local'
    inner(3)

try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    entries = []
    while tb is not None:
        f = tb.tb_frame
        entries.append((f.f_code.co_name, tb.tb_lineno, tb.tb_lasti == tb.tb_lasti, f.f_globals is globals()))
        tb = tb.tb_next
    print(entries)
    tb = e.__traceback__
    print(tb.tb_frame is tb.tb_frame, tb.tb_frame.f_code is sys._getframe().f_code)
    inner_tb = tb.tb_next.tb_next
    print(sorted(inner_tb.tb_frame.f_locals.items()), sorted(tb.tb_next.tb_frame.f_locals.items()))
    print(tb.tb_frame.f_back)
    # What traceback.extract_tb/walk_tb read.
    t = e.__traceback__
    while t is not None:
        f = t.tb_frame
        print(f.f_code.co_filename == __file__, f.f_code.co_name, t.tb_lineno, f.f_globals['__name__'])
        t = t.tb_next

def handler():
    w = 1
    try:
        inner(5)
    except ValueError as e:
        w = 2
        f = e.__traceback__.tb_frame
        print(f.f_code.co_name, f.f_locals['w'], f.f_back.f_code.co_name)
        return e
e = handler()
print(e.__traceback__.tb_frame.f_code.co_name)
print(e.__traceback__.tb_next.tb_frame.f_code.co_name, e.__traceback__.tb_next.tb_frame.f_lineno)

class C:
    try:
        1 / 0
    except ZeroDivisionError as e:
        f = e.__traceback__.tb_frame
        print(f.f_code.co_name, 'f' in f.f_locals or 'e' in f.f_locals)

def gen():
    yield 1
    raise KeyError('g')
try:
    list(gen())
except KeyError as e:
    print([t.tb_frame.f_code.co_name for t, _ in [(t, 0) for t in [e.__traceback__, e.__traceback__.tb_next, e.__traceback__.tb_next.tb_next] if t]])

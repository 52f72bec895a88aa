# _thread for one thread: lock and RLock state, errors, reprs, timeouts of a held lock.
import _thread
print(_thread.TIMEOUT_MAX, _thread.error, _thread.LockType, _thread.RLock)
l = _thread.allocate_lock()
print(repr(l).split(' object')[0], l.locked())
print(l.acquire(), l.locked(), repr(l).split(' object')[0])
print(l.acquire(False), l.acquire(blocking=False), l.acquire(True, 0.05), l.acquire(timeout=0))
for a in [(True, -2), (False, 1), (True, 1e20), (True, 'a')]:
    try: print(l.acquire(*a))
    except Exception as e: print(type(e).__name__, e)
try: l.acquire(x=1)
except Exception as e: print(type(e).__name__, e)
l.release()
try: l.release()
except Exception as e: print(type(e).__name__, e)
with l:
    print('inside', l.locked())
print('after', l.locked())
print(l.__enter__(), l.locked(), l.__exit__(None, None, None), l.locked())
print(l.acquire_lock(), l.locked_lock(), l.release_lock(), l.locked())
r = _thread.RLock()
print(repr(r).split(' at')[0])
print(r.acquire(), r.acquire(), r._is_owned(), repr(r).split(' at')[0].replace(str(_thread.get_ident()), 'ID'))
r.release(); r.release()
try: r.release()
except Exception as e: print(type(e).__name__, e)
with r:
    with r:
        print('nested', r._is_owned())
print(r._is_owned())
r.acquire(); r.acquire()
st = r._release_save(); print(st[0], st[1] == _thread.get_ident(), r._is_owned())
r._acquire_restore(st); print(r._is_owned()); r.release(); r.release()
print(_thread.stack_size(), _thread._count(), type(_thread.get_ident()), _thread.get_ident() == _thread.get_ident())
try: _thread.stack_size(100)
except Exception as e: print(type(e).__name__, e)
print(_thread.stack_size(65536), _thread.stack_size(0))
try: _thread.exit()
except SystemExit as e: print('SystemExit', e.args)
class R(_thread.RLock): pass
print(isinstance(R(), _thread.RLock), R().acquire())
try: l.foo = 1
except AttributeError as e: print('AttributeError')

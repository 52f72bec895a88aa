# f_trace, f_trace_lines, f_trace_opcodes are stored on the frame object (one per
# activation while it is referenced, so sys._getframe() later in the frame sees them);
# read-only attributes stay read-only.
import sys


def attempt(code, env):
    try:
        if '=' in code or code.startswith('del'):
            exec(code, env)
            print(code, 'ok')
        else:
            print(code, eval(code, env))
    except Exception as e:
        print(code, type(e).__name__, e)


f = sys._getframe()
env = {'f': f, 'print': print}
for code in ['f.f_trace', 'f.f_trace_lines', 'f.f_trace_opcodes',
             'f.f_trace = print', 'f.f_trace', 'f.f_trace = None',
             'f.f_trace_lines = False', 'f.f_trace_lines', 'f.f_trace_opcodes = True',
             'f.f_trace_opcodes', 'f.f_locals = {}', 'f.f_back = None', 'f.f_code = None',
             'del f.f_trace', 'f.f_trace', 'f.f_trace_lines = 5', 'f.f_trace_lines',
             'del f.f_trace_lines', 'f.x = 1']:
    attempt(code, env)


def tracer(*args):
    return tracer


def marked():
    me = sys._getframe()
    me.f_trace = tracer
    sys._getframe().f_trace_lines = False
    return inner()


def inner():
    caller = sys._getframe(1)
    return caller.f_trace is tracer, caller.f_trace_lines


print(marked())
print(marked.__code__.co_name, sys._getframe().f_trace_opcodes)

# A finalizer made due by an instruction runs before the next one is executed, whichever
# instruction released the object: the eval loop skips the check only after arms that
# release nothing (LOAD_FAST, LOAD_CONST, int BINARY_OP, fused COMPARE_OP, ...).
log = []


class D:
    def __init__(self, name, x=0):
        self.name = name
        self.x = x

    def __del__(self):
        log.append("del " + self.name)


def store_fast():
    a = D("store_fast")
    a = 1  # STORE_FAST releases the object
    log.append("after store_fast")
    return a


def pop_top():
    D("pop_top")  # expression statement: POP_TOP
    log.append("after pop_top")


def load_attr():
    v = D("load_attr", 5).x  # the hit path replaces the instance by its attribute
    log.append("after load_attr %d" % v)


def compare_jump():
    n = 0
    while n < 3:  # fused int COMPARE_OP + POP_JUMP
        d = D("loop %d" % n)
        n += 1
    log.append("after loop")
    del d
    log.append("after del")


def for_iter():
    for i in [D("item0"), D("item1")]:
        log.append("body " + i.name)
    log.append("after for")


def pop_jump_object():
    if D("truthy"):  # POP_JUMP of a non-bool object
        log.append("branch")


def returns():
    d = D("local at return")
    return 7


def binary_op_nonint():
    s = [D("list item")] + []
    s = 0
    log.append("after binary_op %d" % (s + 1))


for f in (store_fast, pop_top, load_attr, compare_jump, for_iter, pop_jump_object,
          binary_op_nonint):
    f()
    log.append("-- " + f.__name__)
log.append("returned %d" % returns())
x = 1
x = D("module level")
x = 2
log.append("after module store")
for line in log:
    print(line)

# time: gmtime/asctime/strftime/struct_time and the argument errors (Modules/timemodule.c);
# the clocks' types and order; deterministic parts only (TZ fixed below).
import os
import time
os.environ['TZ'] = 'UTC0'
time.tzset()
tests = [lambda: time.strftime('%Y', (2020,1,1)), lambda: time.strftime('%Y', 5), lambda: time.asctime((2020,1,1,0,0,0,0,1)), lambda: time.mktime((2020,1,1)), lambda: time.strftime('%Y', (2020,13,1,0,0,0,0,1,0)),
lambda: time.strftime('%Y %m %d %j', (2020,0,0,0,0,0,0,0,0)), lambda: time.strftime('%a', (2020,1,1,0,0,0,-2,1,0)), lambda: time.strftime('%a|%Z|%z', (2020,1,1,0,0,0,-1,1,0)),
lambda: time.strftime('%', (2020,1,1,0,0,0,0,1,0)), lambda: time.strftime('%Q %5Y %-d %_H %^a %#b %10A %Ey %Od %Oz %+ %E', (2020,1,1,0,0,0,0,1,0)), lambda: time.strftime('a\0b'),
lambda: time.strftime('%Y', ('x',1,1,0,0,0,0,1,0)), lambda: time.strftime('%Y', (2020.5,1,1,0,0,0,0,1,0)), lambda: time.gmtime(float('nan')), lambda: time.gmtime(1e20), lambda: time.gmtime(2**62), lambda: time.gmtime('x'), lambda: time.sleep(-1), lambda: time.sleep('x'), lambda: time.sleep(float('nan')), lambda: time.sleep(1e300), lambda: time.get_clock_info('x'), lambda: time.clock_gettime(99),
lambda: time.struct_time((1,2)), lambda: time.struct_time(range(12)), lambda: time.struct_time(5), lambda: time.struct_time(range(9)).tm_zone, lambda: time.struct_time(range(11)).tm_zone, lambda: time.mktime((2**31+1900, 1,1,0,0,0,0,1,0)), lambda: time.mktime((-2**31+1899, 1,1,0,0,0,0,1,0)), lambda: time.asctime((2020,1,1,0,0,0,0,1,0)), lambda: time.asctime((-5,1,1,0,0,0,0,1,0)), lambda: time.strftime('%c|%x|%X|%D|%r|%R|%T|%F|%C|%y|%G|%g|%V|%U|%W|%u|%w|%e|%k|%l|%I|%p|%P|%h|%n|%t|%%|%s', (2021,1,3,13,5,9,6,3,0)), lambda: time.strftime('%Y|%C|%y|%G|%F', (-5,1,3,13,5,9,6,3,0)), lambda: time.strftime('%Y|%F', (99,1,3,13,5,9,6,3,0)),
lambda: time.gmtime(0), lambda: time.gmtime(1700000000.9), lambda: time.gmtime(-1.5), lambda: time.gmtime(-10**12), lambda: time.gmtime(253402300800), lambda: time.localtime(0), lambda: time.ctime(0), lambda: time.mktime(time.localtime(1234567890)), lambda: time.struct_time(range(9)), lambda: time.gmtime(0).tm_zone, lambda: time.localtime(86400*200).tm_gmtoff,
]
for t in tests:
    try: print(repr(t()))
    except Exception as e: print(type(e).__name__, e)

st = time.gmtime(1234567890)
print(st, len(st), st[0], st[-1], st[:3], st.tm_yday, st.tm_zone, st.tm_gmtoff)
print(type(st).__name__, type(st).__module__, isinstance(st, tuple), st == tuple(st))
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
s2 = time.struct_time((2020, 5, 17, 1, 2, 3, 6, 138, 0, 'ZZZ', 7200))
print(s2, s2.tm_zone, s2.tm_gmtoff, time.strftime('%Z %z %A %B', s2))
s3 = time.struct_time([2020, 5, 17, 1, 2, 3, 6, 138, 0])
print(s3.tm_zone, s3.tm_gmtoff, time.mktime(s3), time.asctime(s3))
for name in ['time', 'monotonic', 'perf_counter', 'process_time', 'thread_time']:
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution)
for f in [time.time, time.monotonic, time.perf_counter, time.process_time, time.thread_time]:
    a = f(); b = f()
    print(type(a).__name__, b >= a)
for f in [time.time_ns, time.monotonic_ns, time.perf_counter_ns, time.process_time_ns, time.thread_time_ns]:
    a = f(); b = f()
    print(type(a).__name__, b >= a)
print(abs(time.time() - time.time_ns() / 1e9) < 1, abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 1)
print(time.clock_getres(time.CLOCK_MONOTONIC), type(time.clock_gettime_ns(time.CLOCK_MONOTONIC)).__name__)
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID, time._STRUCT_TM_ITEMS)
t0 = time.monotonic()
print(time.sleep(0.02), time.sleep(0), time.monotonic() - t0 >= 0.02)
print(time.localtime().tm_zone, time.gmtime(None).tm_zone, time.strftime('%Z'), time.asctime()[-5:-4].isdigit())
print(time.gmtime(True), time.gmtime(2**40))
for bad in [lambda: time.gmtime(1, 2), lambda: time.time(1), lambda: time.strftime(), lambda: time.strftime(5),
            lambda: time.get_clock_info(5), lambda: time.mktime(5), lambda: time.asctime(1, 2),
            lambda: time.clock_gettime('x'), lambda: time.sleep(), lambda: time.clock_gettime(), lambda: time.mktime(), lambda: time.tzset(1), lambda: time.localtime(1, 2), lambda: time.ctime(1, 2), lambda: time.clock_getres(), lambda: time.get_clock_info(), lambda: time.time_ns(1), lambda: time.clock_settime(1), lambda: time.gmtime(x=1), lambda: time.strftime('x', (1,) * 9, 3)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

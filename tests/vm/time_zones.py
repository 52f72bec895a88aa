# time's local-time functions under several TZ values (set in the program, then
# time.tzset()): zone constants, localtime, mktime round trips and DST choices,
# strftime's %Z/%z, ctime. POSIX TZ strings need no zone files; named zones read
# /usr/share/zoneinfo as the C library does.
import os
import time

zones = ['UTC0', 'EST5EDT,M3.2.0,M11.1.0', 'CET-1CEST,M3.5.0,M10.5.0/3', '<+0530>-5:30',
         'AEST-10AEDT,M10.1.0,M4.1.0/3', 'IST-1GMT0,M10.5.0,M3.5.0/1', 'XYZ3', '',
         'UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe',
         'Nowhere/City']
stamps = [0, 86400 * 59, 1000000000, 1234567890, 1700000000, 1690000000, -1000000000,
          1710054000, 1710050400, 1699164000, 1699167600]
for z in zones:
    os.environ['TZ'] = z
    time.tzset()
    print(repr(z), time.timezone, time.altzone, time.daylight, time.tzname)
    for t in stamps:
        lt = time.localtime(t)
        back = time.mktime(lt)
        print(' ', t, tuple(lt), lt.tm_zone, lt.tm_gmtoff, back == t,
              time.strftime('%Y-%m-%d %H:%M:%S %Z %z', lt), time.ctime(t))
    for fields in [(2021, 1, 15, 12, 0, 0, 0, 0), (2021, 7, 15, 12, 0, 0, 0, 0),
                   (2021, 13, 40, 25, 61, 61, 0, 0), (2021, 0, 0, 0, 0, 0, 0, 0),
                   (1969, 12, 31, 23, 59, 59, 0, 0)]:
        for isdst in (-1, 0, 1):
            print('  mktime', fields, isdst, time.mktime(fields + (isdst,)))
os.environ['TZ'] = 'UTC0'
time.tzset()
print(time.strftime('%Z|%z', (2020, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strftime('%Z|%z', (2020, 1, 1, 0, 0, 0, 0, 1, -1)))
print(time.strftime('%Z|%z', time.struct_time((2020, 1, 1, 0, 0, 0, 0, 1, 0, 'ABC', 3600))))
print(time.strftime('%s', (2020, 1, 1, 0, 0, 0, 0, 1, 0)))

//! The calendar arithmetic under gmtime/mktime (the Python-visible behaviour is checked
//! against python3 by tests/vm/time_*.py).

use super::tz::{civil_from_days, days_from_civil, gmtime};

#[test]
fn civil_round_trip() {
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    let mut prev = civil_from_days(-800_000);
    for d in -799_999..800_000i64 {
        let (y, m, day) = civil_from_days(d);
        assert_eq!(days_from_civil(y, m, day), d);
        // Consecutive days: the next day of the month, or the 1st of the next month.
        if day != 1 {
            assert_eq!((y, m, day - 1), prev);
        } else if m != 1 {
            assert_eq!((y, m - 1), (prev.0, prev.1));
        } else {
            assert_eq!((y - 1, 12, 31), prev);
        }
        prev = (y, m, day);
    }
}

#[test]
fn day_overflow_normalises() {
    // mktime's normalisation: day 0 is the last day of the previous month.
    assert_eq!(days_from_civil(2021, 3, 0), days_from_civil(2021, 2, 28));
    assert_eq!(days_from_civil(2020, 3, 0), days_from_civil(2020, 2, 29));
}

#[test]
fn gmtime_fields() {
    let tm = gmtime(0).unwrap();
    assert_eq!(
        (tm.year, tm.mon, tm.mday, tm.wday, tm.yday),
        (1970, 1, 1, 3, 1)
    );
    let tm = gmtime(-1).unwrap();
    assert_eq!(
        (tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec),
        (1969, 12, 31, 23, 59, 59)
    );
    // A year beyond C's int tm_year is EOVERFLOW.
    assert!(gmtime(i64::MAX / 2).is_none());
}

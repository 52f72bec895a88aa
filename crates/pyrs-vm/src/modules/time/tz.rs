//! The local time zone and the calendar arithmetic under `gmtime`, `localtime` and
//! `mktime` (CPython calls the C library's `gmtime_r`, `localtime_r`, `mktime`; pyrs
//! reads the same zone data through the `tz-rs` crate, a Rust reimplementation of those
//! functions over TZif files and POSIX TZ strings).
//!
//! The zone is glibc's: `TZ` unset means `/etc/localtime` (UTC when absent), `TZ=""`
//! UTC, `TZ=[:]NAME` the TZif file `NAME` (absolute, or under /usr/share/zoneinfo),
//! else a POSIX TZ string; a value that is none of these is UTC named after its leading
//! letters (glibc's fallback). As in C, the zone is read once and again at `tzset()` (and
//! `mktime`, which calls `tzset` in glibc); `localtime_r` does not look at `TZ` again.

use std::cell::RefCell;
use std::rc::Rc;
use tz::{LocalTimeType, TimeZone};

/// A broken-down time (`struct tm`) in Python's terms: full year, month 1-12, weekday
/// Monday = 0, day of year from 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Tm {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
    pub isdst: i64,
    /// `tm_zone`; `None` where C's would be NULL (a plain tuple given to `strftime`).
    pub zone: Option<String>,
    pub gmtoff: i64,
}

thread_local! {
    /// The zone read at the first use or the last `tzset()`.
    static ZONE: RefCell<Option<Rc<TimeZone>>> = const { RefCell::new(None) };
}

/// The current local zone (read on first use).
pub fn zone() -> Rc<TimeZone> {
    ZONE.with(|z| {
        if let Some(tz) = &*z.borrow() {
            return tz.clone();
        }
        let tz = Rc::new(read_zone());
        *z.borrow_mut() = Some(tz.clone());
        tz
    })
}

/// `tzset()`: read `TZ` again.
pub fn tzset() -> Rc<TimeZone> {
    let tz = Rc::new(read_zone());
    ZONE.with(|z| *z.borrow_mut() = Some(tz.clone()));
    tz
}

fn utc_named(name: &str) -> TimeZone {
    let designation = (name.len() >= 3).then_some(name.as_bytes());
    LocalTimeType::new(0, false, designation)
        .ok()
        .and_then(|t| TimeZone::new(vec![], vec![t], vec![], None).ok())
        .unwrap_or_else(TimeZone::utc)
}

fn read_zone() -> TimeZone {
    let tz = std::env::var_os("TZ");
    let Some(tz) = tz else {
        return TimeZone::local().unwrap_or_else(|_| utc_named("UTC"));
    };
    let tz = tz.to_string_lossy().into_owned();
    if tz.is_empty() {
        return utc_named("UTC");
    }
    if let Ok(z) = TimeZone::from_posix_tz(&tz) {
        return z;
    }
    let name: String = tz
        .trim_start_matches(':')
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    utc_named(&name)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1-12; any day number).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day number (days since 1970-01-01): year, month 1-12, day.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The broken-down UTC time of `t` shifted by `off` seconds; `None` when the year does
/// not fit C's `int tm_year` (glibc's EOVERFLOW).
fn broken_down(t: i64, off: i64) -> Option<Tm> {
    let t = t.checked_add(off)?;
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    if i32::try_from(y - 1900).is_err() {
        return None;
    }
    Some(Tm {
        year: y,
        mon: m,
        mday: d,
        hour: secs / 3600,
        min: secs % 3600 / 60,
        sec: secs % 60,
        wday: (days + 3).rem_euclid(7),
        yday: days - days_from_civil(y, 1, 1) + 1,
        isdst: 0,
        zone: None,
        gmtoff: off,
    })
}

/// `gmtime_r`: `None` on overflow.
pub fn gmtime(t: i64) -> Option<Tm> {
    let mut tm = broken_down(t, 0)?;
    tm.zone = Some("GMT".into());
    Some(tm)
}

/// The local time type at `t`. glibc evaluates a POSIX TZ string's rule for years up to
/// 1970 with 1970's change times (its `compute_change`), so any earlier time has the
/// type of 1970-01-01.
fn find(tz: &TimeZone, t: i64) -> Option<&LocalTimeType> {
    let r = TimeZone::as_ref(tz);
    let t = if t < 0 && r.transitions().is_empty() {
        0
    } else {
        t
    };
    tz.find_local_time_type(t).ok()
}

/// `localtime_r` in the current zone: `None` on overflow.
pub fn localtime(t: i64) -> Option<Tm> {
    let tz = zone();
    let ltt = find(&tz, t)?;
    let mut tm = broken_down(t, ltt.ut_offset() as i64)?;
    tm.isdst = ltt.is_dst() as i64;
    tm.zone = Some(ltt.time_zone_designation().to_string());
    Some(tm)
}

fn offset_at(tz: &TimeZone, t: i64) -> Option<(i64, bool)> {
    let l = find(tz, t)?;
    Some((l.ut_offset() as i64, l.is_dst()))
}

/// `mktime`: the local fields (C's: `year` full, `mon` 0-based, any values, normalised
/// as C does) to seconds since the epoch, honouring `isdst` (-1: find out; 0/1: the
/// time is read as standard/daylight time, as glibc does). Reads `TZ` again first
/// (glibc's `mktime` calls `tzset`). `None` when it does not fit.
pub fn mktime(
    year: i64,
    mon: i64,
    mday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    isdst: i64,
) -> Option<i64> {
    let tz = tzset();
    let months = year.checked_mul(12)?.checked_add(mon)?;
    let (y, m) = (months.div_euclid(12), months.rem_euclid(12) + 1);
    let days = days_from_civil(y, m, 1).checked_add(mday - 1)?;
    let t0 = (days as i128) * 86400 + (hour as i128) * 3600 + (min as i128) * 60 + sec as i128;
    let t0 = i64::try_from(t0).ok()?;
    // The offsets in force around t0: a local time is at most a day away from UTC.
    let mut offsets: Vec<(i64, bool)> = Vec::new();
    for probe in [t0 - 86400, t0 - 43200, t0, t0 + 43200, t0 + 86400] {
        if let Some(o) = offset_at(&tz, probe) {
            if !offsets.contains(&o) {
                offsets.push(o);
            }
        }
    }
    // Candidates: offsets that are in force at the time they give.
    let valid: Vec<(i64, bool, i64)> = offsets
        .iter()
        .filter_map(|&(o, d)| {
            let t = t0.checked_sub(o)?;
            (offset_at(&tz, t) == Some((o, d))).then_some((o, d, t))
        })
        .collect();
    let want = match isdst {
        i64::MIN..=-1 => None,
        0 => Some(false),
        _ => Some(true),
    };
    let t = match (want, valid.as_slice()) {
        (_, []) => {
            // A skipped local time (a gap): read it with the offset before the gap.
            let (o, _) = offset_at(&tz, t0.checked_sub(offsets.first()?.0)? - 86400)?;
            t0.checked_sub(o)?
        }
        (None, [first, ..]) => first.2,
        (Some(w), v) => match v.iter().find(|c| c.1 == w) {
            Some(c) => c.2,
            None => {
                // Asked for the other kind of time: glibc shifts by the difference
                // between the zone's standard and daylight offsets.
                let (o, d, t) = v[0];
                match TimeZone::as_ref(&tz)
                    .local_time_types()
                    .iter()
                    .rev()
                    .find(|l| l.is_dst() == w)
                    .map(|l| l.ut_offset() as i64)
                {
                    Some(other) if other != o && d != w => t.checked_sub(other - o)?,
                    // A zone without that kind of time: glibc takes daylight time as
                    // standard time plus an hour.
                    None if w => t.checked_sub(3600)?,
                    None => t.checked_add(3600)?,
                    _ => t,
                }
            }
        },
    };
    // The result must be a time `localtime` can show.
    localtime(t)?;
    Some(t)
}

/// CPython's `init_timezone` (the glibc branch): the offsets and names in force on
/// January 1 and July 1 of this year; the one with the smaller UTC offset is the
/// standard time (`timezone`), the other `altzone`; `daylight` says whether they differ.
/// Returns `(timezone, altzone, daylight, (std name, dst name))`.
pub fn zone_constants(now: i64) -> (i64, i64, bool, (String, String)) {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let t = now.div_euclid(YEAR) * YEAR;
    let jan = localtime(t);
    let jul = localtime(t + YEAR / 2);
    let (janzone, janname) = jan.map_or((0, String::new()), |tm| {
        (-tm.gmtoff, tm.zone.unwrap_or_default())
    });
    let (julzone, julname) = jul.map_or((0, String::new()), |tm| {
        (-tm.gmtoff, tm.zone.unwrap_or_default())
    });
    if janzone < julzone {
        (julzone, janzone, janzone != julzone, (julname, janname))
    } else {
        (janzone, julzone, janzone != julzone, (janname, julname))
    }
}

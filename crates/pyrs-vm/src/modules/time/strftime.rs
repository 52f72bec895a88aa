//! `strftime` as glibc's does it in the C (and C.UTF-8) locale (CPython's
//! `time.strftime` calls the C library's): the conversions, glibc's flags (`_` pad with
//! spaces, `-` no padding, `0` pad with zeros, `^` upper case, `#` swap case), a field
//! width, the `E`/`O` modifiers (no effect in the C locale), and an unknown conversion
//! copied as it is.

use super::tz::{days_from_civil, Tm};

const WDAY: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MON: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// What the conversions need besides the fields: `tzname` for a `%Z` with no `tm_zone`,
/// and `mktime` for `%s`.
pub struct Ctx<'a> {
    pub tzname: (&'a str, &'a str),
    pub mktime: &'a dyn Fn(&Tm) -> Option<i64>,
}

/// A C-locale abbreviation: the name's first three letters.
fn abbr(s: &str) -> &str {
    &s[..3]
}

/// Week-based year and ISO week number (`%G`, `%V`): weeks start on Monday, week 1 holds
/// the year's first Thursday.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let wday = tm.wday; // Monday = 0
    let yday = tm.yday - 1; // from 0
                            // Days from the Monday of week 1 (ISO) of this year.
    let year_days = |y: i64| days_from_civil(y + 1, 1, 1) - days_from_civil(y, 1, 1);
    let week1_monday_offset = |yday: i64, wday: i64| {
        // yday of this year's week-1 Monday relative to the given day.
        let jan1_wday = (wday - yday).rem_euclid(7);
        // ISO: if Jan 1 is Mon..Thu, week 1 starts on the Monday on or before Jan 1.
        if jan1_wday <= 3 {
            -jan1_wday
        } else {
            7 - jan1_wday
        }
    };
    let start = week1_monday_offset(yday, wday);
    if yday < start {
        // Belongs to the previous year's last week.
        let py = tm.year - 1;
        let pyday = yday + year_days(py);
        let pstart = week1_monday_offset(pyday, wday);
        return (py, (pyday - pstart) / 7 + 1);
    }
    let ny_len = year_days(tm.year);
    let nstart = week1_monday_offset(yday - ny_len, wday);
    if yday - ny_len >= nstart {
        return (tm.year + 1, 1);
    }
    (tm.year, (yday - start) / 7 + 1)
}

/// A number as C formats it: `width` digits padded with `pad` (`'0'`, `' '` or none).
fn number(out: &mut String, v: i64, width: usize, pad: Option<char>) {
    let digits = v.unsigned_abs().to_string();
    let neg = v < 0;
    let len = digits.len() + neg as usize;
    match pad {
        Some('0') if len < width => {
            if neg {
                out.push('-');
            }
            out.extend(std::iter::repeat('0').take(width - len));
            out.push_str(&digits);
        }
        Some(c) if len < width => {
            out.extend(std::iter::repeat(c).take(width - len));
            if neg {
                out.push('-');
            }
            out.push_str(&digits);
        }
        _ => {
            if neg {
                out.push('-');
            }
            out.push_str(&digits);
        }
    }
}

/// `strftime(format, tm)` in the C locale.
pub fn strftime(fmt: &str, tm: &Tm, ctx: &Ctx) -> String {
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        // Flags, width, modifier.
        let mut pad: Option<char> = None;
        let mut upper = false;
        let mut swap = false;
        while i < chars.len() && matches!(chars[i], '_' | '-' | '0' | '^' | '#') {
            match chars[i] {
                '_' => pad = Some(' '),
                '-' => pad = Some('\0'),
                '0' => pad = Some('0'),
                '^' => upper = true,
                _ => swap = true,
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        while i < chars.len() && chars[i].is_ascii_digit() {
            let d = chars[i] as usize - '0' as usize;
            width = Some(
                width
                    .unwrap_or(0)
                    .saturating_mul(10)
                    .saturating_add(d)
                    .min(4096),
            );
            i += 1;
        }
        let mut modifier = None;
        if i < chars.len() && matches!(chars[i], 'E' | 'O') {
            modifier = Some(chars[i]);
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            // A `%` ending the format: copied as it is.
            out.extend(&chars[start..]);
            break;
        };
        i += 1;
        // glibc's checks: no modifier on the names and %D %F %%; no `O` on %c %x %X %Y;
        // no `E` on the plain numbers; the rest take either (C locale: no effect).
        let valid_modifier = match modifier {
            None => true,
            Some(_) if matches!(conv, 'a' | 'A' | 'b' | 'B' | 'h' | 'D' | 'F' | '%') => false,
            Some('O') => !matches!(conv, 'c' | 'x' | 'X' | 'Y'),
            _ => !matches!(
                conv,
                'd' | 'e'
                    | 'H'
                    | 'I'
                    | 'j'
                    | 'k'
                    | 'l'
                    | 'm'
                    | 'M'
                    | 'S'
                    | 'u'
                    | 'U'
                    | 'V'
                    | 'w'
                    | 'W'
                    | 'g'
                    | 'G'
            ),
        };
        // A numeric conversion: value and default width (and default padding).
        let num = |v: i64, w: usize| (v, w, '0');
        let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
        let numeric: Option<(i64, usize, char)> = if !valid_modifier {
            None
        } else {
            match conv {
                'C' => Some(num(tm.year.div_euclid(100), 2)),
                'd' => Some(num(tm.mday, 2)),
                'e' => Some((tm.mday, 2, ' ')),
                'G' => Some(num(iso_week(tm).0, 1)),
                'g' => Some(num(iso_week(tm).0.rem_euclid(100), 2)),
                'H' => Some(num(tm.hour, 2)),
                'I' => Some(num(hour12, 2)),
                'j' => Some(num(tm.yday, 3)),
                'k' => Some((tm.hour, 2, ' ')),
                'l' => Some((hour12, 2, ' ')),
                'm' => Some(num(tm.mon, 2)),
                'M' => Some(num(tm.min, 2)),
                'S' => Some(num(tm.sec, 2)),
                's' => Some(num((ctx.mktime)(tm).unwrap_or(-1), 1)),
                'u' => Some(num(tm.wday + 1, 1)),
                'U' => Some(num((tm.yday - 1 + 7 - (tm.wday + 1) % 7) / 7, 2)),
                'V' => Some(num(iso_week(tm).1, 2)),
                'w' => Some(num((tm.wday + 1) % 7, 1)),
                'W' => Some(num((tm.yday - 1 + 7 - tm.wday) / 7, 2)),
                'y' => Some(num(tm.year.rem_euclid(100), 2)),
                'Y' => Some(num(tm.year, 1)),
                _ => None,
            }
        };
        if let Some((v, w, default_pad)) = numeric {
            let p = match pad {
                Some('\0') => None,
                Some(p) => Some(p),
                None => Some(default_pad),
            };
            let w = width.unwrap_or(w);
            number(&mut out, v, w, p);
            continue;
        }
        // Text conversions.
        let text: Option<String> = if !valid_modifier {
            None
        } else {
            match conv {
                'a' => Some(abbr(WDAY[tm.wday as usize % 7]).to_string()),
                'A' => Some(WDAY[tm.wday as usize % 7].to_string()),
                'b' | 'h' => Some(abbr(MON[(tm.mon - 1) as usize % 12]).to_string()),
                'B' => Some(MON[(tm.mon - 1) as usize % 12].to_string()),
                'c' => Some(strftime("%a %b %e %H:%M:%S %Y", tm, ctx)),
                'D' | 'x' => Some(strftime("%m/%d/%y", tm, ctx)),
                'F' => {
                    let mut s = String::new();
                    number(&mut s, tm.year, 1, None);
                    Some(s + &strftime("-%m-%d", tm, ctx))
                }
                'n' => Some("\n".into()),
                't' => Some("\t".into()),
                'p' => Some(if tm.hour >= 12 { "PM" } else { "AM" }.into()),
                'P' => Some(if tm.hour >= 12 { "pm" } else { "am" }.into()),
                'r' => Some(strftime("%I:%M:%S %p", tm, ctx)),
                'R' => Some(strftime("%H:%M", tm, ctx)),
                'T' | 'X' => Some(strftime("%H:%M:%S", tm, ctx)),
                // glibc: nothing when it is unknown whether DST is in effect.
                'z' if tm.isdst < 0 => Some(String::new()),
                'z' => {
                    let off = tm.gmtoff;
                    let sign = if off < 0 { '-' } else { '+' };
                    let a = off.unsigned_abs() / 60;
                    Some(format!("{sign}{:02}{:02}", a / 60, a % 60))
                }
                'Z' => Some(match &tm.zone {
                    Some(z) => z.clone(),
                    None if tm.isdst >= 0 => (if tm.isdst != 0 {
                        ctx.tzname.1
                    } else {
                        ctx.tzname.0
                    })
                    .to_string(),
                    None => String::new(),
                }),
                '%' => Some("%".into()),
                _ => None,
            }
        };
        let Some(mut text) = text else {
            // Unknown: the directive is copied, flags and all.
            out.extend(&chars[start..i]);
            continue;
        };
        if upper || (swap && matches!(conv, 'a' | 'A' | 'b' | 'B' | 'h')) {
            text = text.to_uppercase();
        } else if swap && matches!(conv, 'p' | 'Z') {
            text = text.to_lowercase();
        }
        if let Some(w) = width {
            let n = text.chars().count();
            if n < w {
                let fill = if pad == Some('0') { '0' } else { ' ' };
                out.extend(std::iter::repeat(fill).take(w - n));
            }
        }
        out.push_str(&text);
    }
    out
}

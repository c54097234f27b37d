//! Timestamps as chat exports write them, read to milliseconds on a common scale. Only
//! differences are used (response times), so a time zone suffix is ignored.

/// Milliseconds since 1970-01-01 (local time as written), or `None` if not a timestamp.
///
/// Accepts `2019-03-01 12:00:05`, `2019/3/1 12:00`, `2019-03-01T12:00:05.250+08:00`,
/// `2019年3月1日 12:00:05`, Unix seconds (10 digits) or milliseconds (13 digits), and a bare
/// `12:00:05` (time of day).
pub fn parse_ms(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = s.parse().ok()?;
        return match s.len() {
            9..=11 => Some(n * 1000),
            12..=14 => Some(n),
            _ => None,
        };
    }
    let nums = numbers(s)?;
    let has_date = s.contains(['-', '/', '年', '.']) && nums.len() >= 3 && nums[0].0 >= 1000;
    if has_date {
        let (y, mo, d) = (nums[0].0, nums[1].0, nums[2].0);
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
            return None;
        }
        let (h, mi, sec, ms) = clock(&nums[3..])?;
        return Some((days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec) * 1000 + ms);
    }
    if s.contains(':') {
        let (h, mi, sec, ms) = clock(&nums)?;
        return Some((h * 3600 + mi * 60 + sec) * 1000 + ms);
    }
    None
}

/// Runs of digits with their lengths, up to the time zone suffix.
fn numbers(s: &str) -> Option<Vec<(i64, usize)>> {
    let body = match s.find(['T', ' ']) {
        Some(at) => {
            let (date, rest) = s.split_at(at);
            let rest = rest.trim_start_matches(['T', ' ']);
            let cut = rest.find(['Z', '+']).or_else(|| rest.rfind('-')).unwrap_or(rest.len());
            format!("{date} {}", &rest[..cut])
        }
        None => s.to_owned(),
    };
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in body.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push((cur.parse().ok()?, cur.len()));
            cur.clear();
        }
    }
    if out.len() > 8 {
        return None;
    }
    Some(out)
}

fn clock(n: &[(i64, usize)]) -> Option<(i64, i64, i64, i64)> {
    let get = |i: usize| n.get(i).map(|x| x.0).unwrap_or(0);
    let (h, mi, sec) = (get(0), get(1), get(2));
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let ms = match n.get(3) {
        Some(&(v, len)) if len <= 3 => v * 10i64.pow(3 - len as u32),
        Some(&(v, len)) => v / 10i64.pow(len as u32 - 3),
        None => 0,
    };
    Some((h, mi, sec, ms))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_common_export_formats() {
        let base = parse_ms("2019-03-01 12:00:00").unwrap();
        assert_eq!(parse_ms("1970-01-01 00:00:01"), Some(1000));
        assert_eq!(parse_ms("2019/3/1 12:00:05"), Some(base + 5000));
        assert_eq!(parse_ms("2019-03-01T12:00:05.250+08:00"), Some(base + 5250));
        assert_eq!(parse_ms("2019年3月1日 12:01:00"), Some(base + 60_000));
        assert_eq!(parse_ms("2019-02-28 12:00:00"), Some(base - 86_400_000));
        assert_eq!(parse_ms("1551441600"), Some(1_551_441_600_000));
        assert_eq!(parse_ms("12:00:30"), Some(43_230_000));
        assert_eq!(parse_ms("昨天"), None);
        assert_eq!(parse_ms("2019-13-01 00:00:00"), None);
    }
}

// Times shown in a transcript ("10:02", "昨天 10:02", "2026-12-04 10:02:33", "12月4日 10:02",
// <time datetime>, data-time/data-timestamp) as epoch milliseconds, and how long ago.

const CLOCK = /(?:(\d{4})[-/.年])?(?:(\d{1,2})[-/.月](\d{1,2})日?\s*)?(昨天|前天|今天)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?/;
/** A line that is only a time (a separator between messages, or a message's stamp). */
export const TIME_ONLY = /^\s*(?:(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?\s*)?(?:昨天|前天|今天|星期.|周.)?\s*(?:上午|下午|晚上|凌晨)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*$/;

/** Epoch ms of a shown time, relative to `now` (a clock time without a date is today's, or
 *  yesterday's when it would be in the future), or null. */
export function parseTime(text, now = Date.now()) {
  const m = CLOCK.exec(text || '');
  if (!m) return null;
  const [, y, mo, d, rel, h, mi, s] = m;
  const base = new Date(now);
  const t = new Date(base.getFullYear(), base.getMonth(), base.getDate(), Number(h), Number(mi), Number(s || 0));
  if (mo) {
    t.setMonth(Number(mo) - 1, Number(d));
    if (y) t.setFullYear(Number(y));
  }
  if (rel === '昨天') t.setDate(t.getDate() - 1);
  if (rel === '前天') t.setDate(t.getDate() - 2);
  if (/下午|晚上/.test(text) && Number(h) < 12) t.setHours(Number(h) + 12);
  if (!mo && !rel && t.getTime() > now + 60000) t.setDate(t.getDate() - 1);
  return Number.isFinite(t.getTime()) ? t.getTime() : null;
}

/** A machine-readable time on `el` or inside it: <time datetime>, data-time, data-timestamp. */
export function attrTime(el, now = Date.now()) {
  const cands = [el, ...el.querySelectorAll('time,[data-time],[data-timestamp],[data-ts]')].slice(0, 8);
  for (const e of cands) {
    for (const name of ['datetime', 'data-timestamp', 'data-ts', 'data-time']) {
      const v = e.getAttribute && e.getAttribute(name);
      if (!v) continue;
      if (/^\d{10,13}$/.test(v)) return v.length === 13 ? Number(v) : Number(v) * 1000;
      const iso = Date.parse(v);
      if (Number.isFinite(iso)) return iso;
      const shown = parseTime(v, now);
      if (shown !== null) return shown;
    }
  }
  return null;
}

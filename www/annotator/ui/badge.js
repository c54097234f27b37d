// The badge at the editor's corner (count and score) and the list it opens: the findings, then
// (`extra`, ui/templates.js) the phrasebook's templates for the customer's situation.

export function badgeView(doc, container, onToggle, extra = null) {
  const badge = doc.createElement('button');
  badge.type = 'button';
  badge.className = 'badge';
  badge.dataset.kefuBadge = '';
  badge.dataset.count = '0';
  badge.dataset.score = '';
  badge.setAttribute('aria-expanded', 'false');
  const count = doc.createElement('span');
  count.className = 'count';
  // Templates for this customer's situation are waiting in the panel.
  const tpl = doc.createElement('span');
  tpl.className = 'tpl';
  tpl.textContent = '话';
  tpl.hidden = true;
  const score = doc.createElement('span');
  score.className = 'score';
  // How long the customer has waited for this reply (where the console shows times).
  const wait = doc.createElement('span');
  wait.className = 'wait';
  wait.hidden = true;
  badge.append(count, score, tpl, wait);
  badge.addEventListener('mousedown', (e) => e.preventDefault());
  badge.addEventListener('click', (e) => {
    e.preventDefault();
    onToggle(e); // the caller decides whether this click may act (opts.requireTrusted)
  });

  const panel = doc.createElement('div');
  panel.className = 'panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  const title = doc.createElement('h2');
  const list = doc.createElement('div');
  list.className = 'list';
  panel.append(title, list);
  if (extra) panel.append(extra);
  container.append(badge, panel);

  return {
    badge,
    panel,
    list,
    update(findings, report, empty = false) {
      const n = findings.length;
      const templates = (report && report.templates && report.templates.length) || 0;
      badge.dataset.templates = String(templates);
      tpl.hidden = !templates;
      badge.dataset.count = String(n);
      badge.dataset.score = report ? String(report.score) : '';
      const worst = findings.some((f) => f.severity === 'error')
        ? 'error'
        : findings.some((f) => f.severity === 'warning')
          ? 'warning'
          : 'ok';
      badge.dataset.level = worst;
      count.textContent = n ? String(n) : '✓';
      score.textContent = report ? `${report.score}分` : '';
      const win = report && report.window;
      // A rule lists at most 1,000 findings (report.omitted counts the rest): say so.
      const more = ((report && report.omitted) || []).reduce((sum, o) => sum + o.count, 0);
      const part =
        (win ? `(草稿有 ${win.length} 字,只检查了光标附近 ${win.end - win.start} 字)` : '') +
        (more ? `(另有 ${more} 处同类问题未逐一标出)` : '');
      badge.dataset.window = win ? `${win.start}-${win.end}` : '';
      badge.dataset.omitted = String(more);
      const offer = templates ? `;有 ${templates} 条这类问题的推荐话术` : '';
      badge.title = `话术教练:${n} 条建议,得分 ${report ? report.score : '-'}${part}${offer}`;
      title.textContent =
        (n ? `${n} 条建议 · 得分 ${report ? report.score : '-'}` : empty ? '还没有输入回复' : '没有建议,回复很好') + part;
    },
    /** The customer has waited `seconds` (null: unknown); over `limit` seconds it is late. */
    setWait(seconds, limit) {
      if (seconds === null || seconds === undefined) {
        wait.hidden = true;
        delete badge.dataset.wait;
        delete badge.dataset.waitLevel;
        badge.removeAttribute('aria-description');
        return;
      }
      const late = limit > 0 && seconds >= limit;
      wait.hidden = false;
      wait.textContent = `等${waited(seconds)}`;
      badge.dataset.wait = String(seconds);
      badge.dataset.waitLevel = late ? 'late' : 'ok';
      const says = late
        ? `客户已等 ${waited(seconds)},超过 ${waited(limit)}:先回一句,并说清还要多久`
        : `客户已等 ${waited(seconds)}`;
      wait.title = says;
      badge.setAttribute('aria-description', says);
    },
    open(on) {
      panel.hidden = !on;
      badge.setAttribute('aria-expanded', on ? 'true' : 'false');
    },
    isOpen: () => !panel.hidden,
    /** Place the badge inside the editor's bottom-right corner and the panel above it. */
    place(box, visible) {
      badge.hidden = !visible;
      if (!visible) {
        panel.hidden = true;
        return;
      }
      const w = badge.offsetWidth || 40;
      const bs = badge.style;
      bs.left = `${Math.round(box.left + box.width - w - 4)}px`;
      bs.top = `${Math.round(box.top + box.height - 26)}px`;
      // The panel opens where there is more room (above or below the badge) and never
      // leaves the viewport — small iframes included.
      const ps = panel.style;
      const vw = doc.documentElement.clientWidth || 800;
      const vh = doc.documentElement.clientHeight || 600;
      const left = Math.max(4, Math.min(box.left + box.width - 320, vw - 324));
      ps.left = `${Math.round(Math.max(0, left))}px`;
      const badgeTop = Math.min(Math.max(box.top + box.height - 26, 0), vh);
      const roomAbove = badgeTop - 8;
      const roomBelow = vh - (badgeTop + 26) - 8;
      const room = Math.max(80, Math.min(360, Math.max(roomAbove, roomBelow)));
      ps.maxHeight = `${Math.round(room)}px`;
      const h = Math.min(panel.scrollHeight || room, room);
      const top = roomAbove >= roomBelow ? badgeTop - 4 - h : badgeTop + 30;
      ps.top = `${Math.round(Math.max(4, Math.min(top, vh - h - 4)))}px`;
    },
    destroy() {
      badge.remove();
      panel.remove();
    },
  };
}

/** 45 → "45秒", 130 → "2分10秒", 3900 → "1小时5分". */
export function waited(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}秒`;
  if (s < 3600) return `${Math.floor(s / 60)}分${s % 60 ? `${s % 60}秒` : ''}`;
  return `${Math.floor(s / 3600)}小时${Math.floor((s % 3600) / 60) ? `${Math.floor((s % 3600) / 60)}分` : ''}`;
}

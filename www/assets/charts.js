/**
 * Score pictures drawn with plain SVG: a gauge for the overall score and a radar for the five
 * dimensions. No chart library; all text goes in through textContent.
 */

const SVG = 'http://www.w3.org/2000/svg';

/** The five dimensions of a report, in drawing order, with their zh-CN labels. */
export const DIMENSIONS = [
  { key: 'politeness', label: '礼貌' },
  { key: 'empathy', label: '共情' },
  { key: 'clarity', label: '清晰' },
  { key: 'control', label: '掌控感' },
  { key: 'compliance', label: '合规' },
];

function node(name, attrs = {}, parent = null) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (parent) parent.appendChild(el);
  return el;
}

/** A colour band for a 0–100 score. */
export function scoreBand(score) {
  if (score >= 90) return { name: 'good', label: '优秀', color: '#16a34a' };
  if (score >= 75) return { name: 'fair', label: '良好', color: '#65a30d' };
  if (score >= 60) return { name: 'weak', label: '待改进', color: '#e58a00' };
  return { name: 'poor', label: '需重练', color: '#e5484d' };
}

function clamp(n) {
  const v = Number(n);
  if (!Number.isFinite(v)) return 0;
  return Math.max(0, Math.min(100, v));
}

function polar(cx, cy, r, deg) {
  const a = (deg * Math.PI) / 180;
  return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
}

function arcPath(cx, cy, r, from, to) {
  const [x1, y1] = polar(cx, cy, r, from);
  const [x2, y2] = polar(cx, cy, r, to);
  const large = to - from > 180 ? 1 : 0;
  return `M ${x1.toFixed(2)} ${y1.toFixed(2)} A ${r} ${r} 0 ${large} 1 ${x2.toFixed(2)} ${y2.toFixed(2)}`;
}

/**
 * A 270° gauge. `update(score)` moves the needle arc (CSS transition) and recolours it.
 * The root carries `data-score` so tests and styles can read it.
 * @param {{caption?: string, small?: boolean}} [opts]
 */
export function createGauge(opts = {}) {
  const cx = 80;
  const cy = 78;
  const r = 60;
  const from = 135;
  const to = 405;
  const root = node('svg', {
    viewBox: '0 0 160 140',
    class: `kc-gauge${opts.small ? ' small' : ''}`,
    role: 'img',
  });
  const track = node('path', { d: arcPath(cx, cy, r, from, to), class: 'kc-gauge-track' }, root);
  track.setAttribute('fill', 'none');
  const value = node('path', { d: arcPath(cx, cy, r, from, to), class: 'kc-gauge-value', fill: 'none' }, root);
  const length = (r * Math.PI * (to - from)) / 180;
  value.style.strokeDasharray = `${length} ${length}`;
  value.style.strokeDashoffset = String(length);
  for (const tick of [0, 60, 75, 90, 100]) {
    const deg = from + ((to - from) * tick) / 100;
    const [x1, y1] = polar(cx, cy, r - 11, deg);
    const [x2, y2] = polar(cx, cy, r - 7, deg);
    node('line', { x1, y1, x2, y2, class: 'kc-gauge-tick' }, root);
  }
  const number = node('text', { x: cx, y: cy + 8, 'text-anchor': 'middle', class: 'kc-gauge-number' }, root);
  const band = node('text', { x: cx, y: cy + 30, 'text-anchor': 'middle', class: 'kc-gauge-band' }, root);
  const caption = node('text', { x: cx, y: 136, 'text-anchor': 'middle', class: 'kc-gauge-caption' }, root);
  caption.textContent = opts.caption || '';
  const title = node('title', {}, root);

  function update(score) {
    if (score === null || score === undefined) {
      root.removeAttribute('data-score');
      number.textContent = '—';
      band.textContent = '等待输入';
      value.style.strokeDashoffset = String(length);
      value.style.opacity = '0';
      title.textContent = '尚未评分';
      return;
    }
    const s = clamp(score);
    const b = scoreBand(s);
    root.setAttribute('data-score', String(Math.round(s)));
    root.setAttribute('data-band', b.name);
    number.textContent = String(Math.round(s));
    band.textContent = b.label;
    value.style.stroke = b.color;
    value.style.opacity = '1';
    value.style.strokeDashoffset = String(length * (1 - s / 100));
    title.textContent = `总分 ${Math.round(s)}(${b.label})`;
  }
  update(null);
  return { el: root, update };
}

/**
 * Five horizontal bars, one per dimension: compact enough to sit beside the gauge.
 * `update(scores)` sets the widths (CSS transition); a bar under 80 turns red.
 */
export function createBars() {
  const rowH = 24;
  const width = 164;
  const labelW = 44;
  const trackW = 92;
  const root = node('svg', { viewBox: `0 0 ${width} ${rowH * DIMENSIONS.length}`, class: 'kc-bars', role: 'img' });
  const title = node('title', {}, root);
  const rows = DIMENSIONS.map((d, i) => {
    const y = i * rowH + rowH / 2;
    const label = node('text', { x: 0, y: y + 4.5, class: 'kc-bars-label' }, root);
    label.textContent = d.label;
    node('rect', { x: labelW, y: y - 4, width: trackW, height: 8, rx: 4, class: 'kc-bars-track' }, root);
    const fill = node('rect', { x: labelW, y: y - 4, width: 0, height: 8, rx: 4, class: 'kc-bars-fill' }, root);
    const value = node('text', { x: width, y: y + 4.5, 'text-anchor': 'end', class: 'kc-bars-value' }, root);
    value.textContent = '—';
    return { d, fill, value };
  });
  function update(scores) {
    for (const { d, fill, value } of rows) {
      const v = scores ? clamp(scores[d.key]) : 0;
      fill.style.width = `${(trackW * v) / 100}px`;
      fill.setAttribute('width', String((trackW * v) / 100));
      fill.setAttribute('data-low', scores && v < 80 ? 'true' : 'false');
      value.textContent = scores ? String(Math.round(v)) : '—';
      value.setAttribute('data-low', scores && v < 80 ? 'true' : 'false');
    }
    title.textContent = scores ? DIMENSIONS.map((d) => `${d.label} ${Math.round(clamp(scores[d.key]))}`).join(',') : '尚未评分';
  }
  update(null);
  return { el: root, update };
}

/**
 * A five-axis radar of the dimensions. `update(scores, compare?)` tweens the polygon; an
 * optional second polygon (dashed) shows a comparison, e.g. the model reply.
 */
export function createRadar() {
  const cx = 150;
  const cy = 122;
  const r = 78;
  const n = DIMENSIONS.length;
  const angle = (i) => -90 + (360 * i) / n;
  const root = node('svg', { viewBox: '0 0 300 240', class: 'kc-radar', role: 'img' });
  const title = node('title', {}, root);
  for (const level of [0.25, 0.5, 0.75, 1]) {
    const pts = DIMENSIONS.map((_, i) => polar(cx, cy, r * level, angle(i)).map((v) => v.toFixed(1)).join(','));
    node('polygon', { points: pts.join(' '), class: `kc-radar-grid${level === 1 ? ' outer' : ''}` }, root);
  }
  DIMENSIONS.forEach((_, i) => {
    const [x, y] = polar(cx, cy, r, angle(i));
    node('line', { x1: cx, y1: cy, x2: x, y2: y, class: 'kc-radar-axis' }, root);
  });
  const compare = node('polygon', { points: '', class: 'kc-radar-compare' }, root);
  const shape = node('polygon', { points: '', class: 'kc-radar-shape' }, root);
  const dots = DIMENSIONS.map(() => node('circle', { r: 3.5, class: 'kc-radar-dot' }, root));
  const labels = DIMENSIONS.map((d, i) => {
    const [x, y] = polar(cx, cy, r + 24, angle(i));
    const anchor = Math.abs(x - cx) < 4 ? 'middle' : x > cx ? 'start' : 'end';
    const g = node('text', { x: x.toFixed(1), y: (y + (i === 0 ? -4 : 4)).toFixed(1), 'text-anchor': anchor, class: 'kc-radar-label' }, root);
    const name = node('tspan', {}, g);
    name.textContent = d.label;
    const val = node('tspan', { dx: 4, class: 'kc-radar-value' }, g);
    val.textContent = '—';
    return { g, val, key: d.key };
  });

  let current = DIMENSIONS.map(() => 0);
  let frame = 0;

  function pointsFor(values) {
    return values
      .map((v, i) => polar(cx, cy, (r * clamp(v)) / 100, angle(i)).map((p) => p.toFixed(1)).join(','))
      .join(' ');
  }

  function draw(values) {
    shape.setAttribute('points', pointsFor(values));
    values.forEach((v, i) => {
      const [x, y] = polar(cx, cy, (r * clamp(v)) / 100, angle(i));
      dots[i].setAttribute('cx', x.toFixed(1));
      dots[i].setAttribute('cy', y.toFixed(1));
    });
  }

  function update(scores, compareScores) {
    const target = DIMENSIONS.map((d) => clamp(scores ? scores[d.key] : 0));
    labels.forEach((l, i) => {
      l.val.textContent = scores ? String(Math.round(target[i])) : '—';
      l.g.setAttribute('data-low', scores && target[i] < 80 ? 'true' : 'false');
    });
    if (scores) {
      for (const d of DIMENSIONS) root.setAttribute(`data-${d.key}`, String(Math.round(clamp(scores[d.key]))));
    }
    title.textContent = scores
      ? DIMENSIONS.map((d, i) => `${d.label} ${Math.round(target[i])}`).join(',')
      : '尚未评分';
    compare.setAttribute('points', compareScores ? pointsFor(DIMENSIONS.map((d) => compareScores[d.key])) : '');
    cancelAnimationFrame(frame);
    const start = current.slice();
    const t0 = performance.now();
    const step = (now) => {
      const t = Math.min(1, (now - t0) / 280);
      const e = 1 - (1 - t) ** 3;
      current = start.map((s, i) => s + (target[i] - s) * e);
      draw(current);
      if (t < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
  }
  draw(current);
  return { el: root, update };
}

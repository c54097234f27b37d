/**
 * Practice mode: a run through several scenarios, then a result page that says what to work on.
 * `summarise` is pure (tests can call it); the two views build DOM from its output.
 */
import { h, replace } from '../assets/dom.js';
import { createGauge, createRadar, DIMENSIONS, scoreBand } from '../assets/charts.js';
import { category, DIMENSION_ADVICE, severityRank } from '../assets/categories.js';
import { SCENARIOS, scenarioById } from './scenarios.js';

/** The runs a trainee can pick. */
export const RUNS = [
  { id: 'quick', title: '快速练习', text: '随机 5 个场景,10 分钟左右。', pick: () => shuffle(SCENARIOS).slice(0, 5) },
  { id: 'all', title: '全部场景', text: '从首次问候到结束语,完整走一遍 10 个场景。', pick: () => SCENARIOS.slice() },
  {
    id: 'after-sale',
    title: '售后专项',
    text: '发货延迟、破损、错发、退款、投诉:练道歉、共情和时间节点。',
    pick: () => SCENARIOS.filter((s) => s.stage === '售后'),
  },
  {
    id: 'pre-sale',
    title: '售前与售中',
    text: '问候、推荐、价格异议、催付:练主动服务和异议处理。',
    pick: () => SCENARIOS.filter((s) => s.stage !== '售后'),
  },
];

function shuffle(list) {
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * What a run says about the trainee.
 * @param {{id: string, text: string, report: {score: number, scores: object, findings: object[]}}[]} results
 */
export function summarise(results) {
  const n = results.length || 1;
  const average = Math.round(results.reduce((s, r) => s + r.report.score, 0) / n);
  const dims = {};
  for (const d of DIMENSIONS) dims[d.key] = Math.round(results.reduce((s, r) => s + r.report.scores[d.key], 0) / n);
  const byCategory = new Map();
  for (const r of results) {
    for (const f of r.report.findings) {
      const entry = byCategory.get(f.category) || { ...category(f.category), count: 0, weight: 0, scenarios: new Set() };
      entry.count += 1;
      entry.weight += severityRank(f.severity);
      entry.scenarios.add(r.id);
      byCategory.set(f.category, entry);
    }
  }
  const categories = [...byCategory.values()]
    .sort((a, b) => b.weight - a.weight || b.count - a.count)
    .map((c) => ({ ...c, scenarios: [...c.scenarios] }));
  const weakDims = DIMENSIONS.filter((d) => dims[d.key] < 85)
    .sort((a, b) => dims[a.key] - dims[b.key])
    .map((d) => ({ ...d, value: dims[d.key], advice: DIMENSION_ADVICE[d.key] }));
  const retry = results.filter((r) => r.report.score < 80).map((r) => r.id);
  const scores = results.map((r) => r.report.score);
  return {
    average,
    dims,
    categories,
    weakDims,
    retry,
    count: results.length,
    best: scores.length ? Math.max(...scores) : 0,
    worst: scores.length ? Math.min(...scores) : 0,
    findings: results.reduce((n, r) => n + r.report.findings.length, 0),
  };
}

/** The page where a run is chosen. */
export function renderStart(container, { onStart, onBack }) {
  replace(
    container,
    h('h1', {}, '练习模式'),
    h(
      'p',
      { class: 'lead' },
      '每个场景写一条回复,教练实时批注;提交后可以对照示范回复。全部完成后会生成练习报告,告诉你下一步重点练什么。',
    ),
    h(
      'div',
      { class: 'choices' },
      RUNS.map((run) => {
        const sample = run.id === 'quick' ? [] : run.pick();
        return h(
          'button',
          { type: 'button', class: 'card choice', dataset: { run: run.id }, onclick: () => onStart(run.pick()) },
          h('h2', {}, run.title),
          h('p', {}, run.text),
          h(
            'div',
            { class: 'chips' },
            run.id === 'quick'
              ? h('span', { class: 'tag accent' }, '5 题 · 随机')
              : [h('span', { class: 'tag accent' }, `${sample.length} 题`), sample.map((s) => h('span', { class: 'tag' }, s.title))],
          ),
        );
      }),
    ),
    h('div', { class: 'result-actions' }, h('button', { type: 'button', class: 'btn', onclick: onBack }, '返回演示台')),
  );
}

/** The result page of a finished run. */
export function renderResult(container, results, { onRetry, onAgain, onBack }) {
  const sum = summarise(results);
  const gauge = createGauge({ caption: `${sum.count} 个场景平均分` });
  const radar = createRadar();
  const band = scoreBand(sum.average);

  const workOn = [];
  for (const c of sum.categories.slice(0, 3)) {
    const names = c.scenarios.map((id) => scenarioById(id)?.title || id).join('、');
    workOn.push(
      h(
        'li',
        { dataset: { workOn: c.id } },
        h('div', {}, h('b', {}, c.label), ` · 出现 ${c.count} 次`),
        h('div', {}, c.advice),
        h('div', { class: 'why' }, `出现在:${names}`),
      ),
    );
  }
  for (const d of sum.weakDims.slice(0, 2)) {
    workOn.push(h('li', { dataset: { workOn: d.key } }, h('div', {}, h('b', {}, `${d.label}维度偏低`), ` · 平均 ${d.value}`), h('div', {}, d.advice)));
  }
  if (!workOn.length) {
    workOn.push(h('li', { dataset: { workOn: 'none' } }, h('b', {}, '表现很稳!'), h('div', {}, '所有回复都符合话术规范。可以试试“全部场景”,或换个平台风格再练一遍。')));
  }

  const rows = results.map((r) => {
    const s = scenarioById(r.id);
    const top = r.report.findings.slice().sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0];
    return h(
      'tr',
      { dataset: { resultScenario: r.id } },
      h('td', {}, s ? s.title : r.id),
      h('td', { class: 'num', style: { color: scoreBand(r.report.score).color } }, String(r.report.score)),
      h('td', { class: 'reply' }, r.text),
      h('td', {}, top ? top.message : '—'),
    );
  });

  replace(
    container,
    h('h1', {}, '练习报告'),
    h('p', { class: 'lead' }, `完成 ${sum.count} 个场景,平均 ${sum.average} 分(${band.label})。`),
    h(
      'div',
      { class: 'result-top' },
      h(
        'section',
        { class: 'card', dataset: { resultAverage: sum.average } },
        h('h2', {}, '总分'),
        h('div', { class: 'result-gauge' }, gauge.el),
        h(
          'div',
          { class: 'result-stats' },
          h('div', {}, h('b', {}, String(sum.best)), '最高'),
          h('div', {}, h('b', {}, String(sum.worst)), '最低'),
          h('div', {}, h('b', {}, String(sum.findings)), '条批注'),
        ),
      ),
      h('section', { class: 'card' }, h('h2', {}, '五个维度'), radar.el),
      h('section', { class: 'card' }, h('h2', {}, '重点练习'), h('ul', { class: 'work-on' }, workOn)),
    ),
    h(
      'section',
      { class: 'card result-section' },
      h('h2', {}, '逐题回顾'),
      h(
        'table',
        { class: 'result-table' },
        h('thead', {}, h('tr', {}, h('th', {}, '场景'), h('th', {}, '得分'), h('th', {}, '你的回复'), h('th', {}, '主要问题'))),
        h('tbody', {}, rows),
      ),
    ),
    h(
      'div',
      { class: 'result-actions' },
      sum.retry.length
        ? h('button', { type: 'button', class: 'btn primary', onclick: () => onRetry(sum.retry) }, `重练低分场景(${sum.retry.length})`)
        : null,
      h('button', { type: 'button', class: 'btn', onclick: onAgain }, '再练一组'),
      h('button', { type: 'button', class: 'btn', onclick: onBack }, '返回演示台'),
    ),
  );
  gauge.update(sum.average);
  radar.update(sum.dims);
  return sum;
}

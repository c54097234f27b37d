/**
 * The coach panel of the console: gauge, radar, a one-line summary and the findings list with
 * one-click fixes. Fed with reports; it never checks anything itself.
 */
import { h, replace } from '../assets/dom.js';
import { createBars, createGauge, createRadar, scoreBand } from '../assets/charts.js';
import { category, severityLabel, severityRank } from '../assets/categories.js';

/** Findings worth a warning or an error (a model reply must have none). */
export function loudFindings(report) {
  return report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
}

function counts(report) {
  const c = { error: 0, warning: 0, hint: 0 };
  for (const f of report.findings) c[f.severity] = (c[f.severity] || 0) + 1;
  return c;
}

/** The flagged text in its sentence: “…前文[flagged]后文…”, or where an insertion goes. */
function quote(draft, f) {
  const before = draft.slice(Math.max(0, f.start - 8), f.start);
  const after = draft.slice(f.end, f.end + 8);
  if (f.start === f.end) {
    return h('div', { class: 'finding-quote' }, '在此处补充:', before ? `…${before}` : '(开头)', h('b', {}, ' ▲ '), after ? `${after}…` : '(结尾)');
  }
  return h(
    'div',
    { class: 'finding-quote' },
    f.start > 8 ? '…' : '',
    before,
    h('mark', {}, draft.slice(f.start, f.end)),
    after,
    f.end + 8 < draft.length ? '…' : '',
  );
}

/**
 * @param {{gauge: Element, bars: Element, radar: Element, summary: Element, findings: Element, count: Element,
 *          onApply: (f: object, i: number) => void, onFocus: (f: object) => void}} els
 */
export function createCoachPanel(els) {
  const gauge = createGauge({ caption: '话术得分' });
  const bars = createBars();
  const radar = createRadar();
  els.gauge.appendChild(gauge.el);
  els.bars.appendChild(bars.el);
  els.radar.appendChild(radar.el);

  function summary(report, draft) {
    if (!draft.trim()) return [h('span', { class: 'line' }, '在输入框写回复,批注会实时出现。')];
    const c = counts(report);
    const row = (n, label, colour) =>
      h('span', { class: 'line' }, h('span', { class: 'dot', style: { background: colour } }), `${label} ${n}`);
    return [
      h('span', { class: 'line big' }, `${report.findings.length} 条批注`),
      row(c.error, '错误', 'var(--error)'),
      row(c.warning, '警告', 'var(--warning)'),
      row(c.hint, '建议', 'var(--hint)'),
    ];
  }

  function findingNode(f, draft, readOnly) {
    const cat = category(f.category);
    const fixes = (readOnly ? [] : f.suggestions).map((s, i) =>
      h(
        'button',
        {
          type: 'button',
          class: 'fix',
          dataset: { applyIndex: i },
          title: '一键替换(可撤销 Ctrl+Z)',
          onclick: (e) => {
            e.stopPropagation();
            els.onApply(f, i);
          },
        },
        s,
      ),
    );
    return h(
      'li',
      {
        class: `finding ${f.severity}`,
        dataset: { findingRule: f.rule, category: f.category, severity: f.severity, start: f.start, end: f.end },
        tabindex: '0',
        title: '点击定位到原文',
        onclick: () => els.onFocus(f),
        onkeydown: (e) => {
          if (e.key === 'Enter') els.onFocus(f);
        },
      },
      h(
        'div',
        { class: 'finding-top' },
        h('span', { class: `tag ${f.severity}` }, severityLabel(f.severity)),
        h('span', { class: 'tag' }, cat.label),
        h('span', { class: 'finding-rule' }, f.rule),
      ),
      h('div', { class: 'finding-msg' }, f.message),
      quote(draft, f),
      fixes.length ? h('div', { class: 'finding-fixes' }, fixes) : null,
    );
  }

  /**
   * Show a report for `draft` (null report: nothing checked yet). `readOnly`: a reply already
   * sent, whose findings can't be applied any more.
   */
  function show(report, draft, { readOnly = false } = {}) {
    const empty = !report || !draft.trim();
    gauge.update(empty ? null : report.score);
    bars.update(empty ? null : report.scores);
    radar.update(empty ? null : report.scores);
    replace(els.summary, summary(report || { findings: [], score: 100 }, draft));
    const findings = empty ? [] : report.findings.slice().sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.start - b.start);
    els.count.textContent = String(findings.length);
    els.findings.dataset.count = String(findings.length);
    els.findings.dataset.score = empty ? '' : String(report.score);
    els.findings.dataset.readOnly = String(readOnly);
    if (empty) {
      replace(els.findings, h('li', { class: 'findings-empty' }, '还没有内容'));
    } else if (!findings.length) {
      replace(els.findings, h('li', { class: 'findings-empty clean' }, '✓ 没有发现问题,这条回复符合话术规范'));
    } else {
      replace(els.findings, findings.map((f) => findingNode(f, draft, readOnly)));
    }
  }

  show(null, '');
  return { show };
}

/**
 * The model reply of a scenario with its own result.
 * @param {Element} box
 * @param {string} text
 * @param {object} report the coach's report on the model reply, in the scenario's context
 * @param {{onFill?: () => void}} opts
 */
export function renderModel(box, text, report, opts = {}) {
  const loud = loudFindings(report);
  const hints = report.findings.length - loud.length;
  const verdict = loud.length
    ? `${loud.length} 个问题`
    : hints
      ? `无错误和警告 · ${hints} 条建议`
      : '无问题';
  replace(
    box,
    h('div', { class: 'model-text', dataset: { modelReply: '' } }, text),
    h(
      'div',
      {
        class: 'model-result',
        dataset: { modelScore: report.score, modelLoud: loud.length, modelRules: report.findings.map((f) => f.rule).join(' ') },
      },
      h('span', { class: 'mini', style: { color: scoreBand(report.score).color } }, String(report.score)),
      h('span', {}, `示范回复的检查结果:${verdict}`),
    ),
    report.findings.length
      ? h('ul', { class: 'model-notes' }, report.findings.map((f) => h('li', {}, `${severityLabel(f.severity)}:${f.message}`)))
      : null,
    opts.onFill
      ? h('div', { class: 'model-actions' }, h('button', { type: 'button', class: 'btn small', onclick: opts.onFill }, '填入输入框对比'))
      : null,
  );
}

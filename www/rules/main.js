/**
 * The rules page, generated from the rules' own docs (`Coach.rules()`): what each rule checks,
 * why, and bad → good. The bad example is run through the coach and the words it flags are
 * marked, so the page shows what the rule really does, not what someone wrote about it.
 */
import init, { Coach } from '../pkg/kefu_coach.js';
import { h, replace } from '../assets/dom.js';
import { CATEGORIES, category, severityLabel } from '../assets/categories.js';
import { renderBlocks, sections } from './markdown.js';

const $ = (id) => document.getElementById(id);

/** The doc's English section titles, in zh-CN for the page. */
const SECTION_TITLES = {
  'what it does': '检查什么',
  'why is this bad?': '为什么要改',
  example: '反例',
  'use instead': '改为',
};

/**
 * Contexts to read an example in: a rule may only fire on a first reply, after a complaint,
 * when the customer says goodbye, or on a formal platform. The first context in which the rule
 * flags the bad example is the one shown.
 */
const PROBES = [
  { customer: '', first_reply: false, note: '' },
  { customer: '在吗', first_reply: true, note: '情境:这是对客户的第一条回复' },
  { customer: '收到的东西是坏的,你们怎么回事', first_reply: false, note: '情境:客户在投诉' },
  { customer: '好的,没有了,谢谢', first_reply: false, note: '情境:客户表示没有其他问题了' },
  { customer: '退款什么时候到账?', first_reply: false, note: '情境:客户在问什么时候' },
  { customer: '这个也太贵了吧,别家便宜多了', first_reply: false, note: '情境:客户嫌贵' },
  { customer: '这款有现货吗?多久能发货?能开发票吗?', first_reply: false, note: '情境:客户一次问了几个问题' },
  { customer: '我再考虑一下吧', first_reply: false, note: '情境:客户还在犹豫' },
  { customer: '', first_reply: false, platform: 'jd', note: '情境:京东平台' },
  { customer: '', first_reply: false, platform: 'generic', note: '情境:通用(正式)风格' },
];

let coach = null;

/**
 * A doc example may name the customer's message first: “(客户:我再考虑一下) 这款真的很划算…”.
 * Returns the draft alone and that message (or null).
 */
export function splitExample(text) {
  const m = text.match(/^\s*[((]客户[::]\s*([^))]+)[))]\s*/);
  if (!m) return { draft: text, customer: null };
  return { draft: text.slice(m[0].length), customer: m[1].trim() };
}

function codeText(blocks) {
  return blocks.filter((b) => b.type === 'code').map((b) => b.text).join('\n');
}

/** The first probe in which `ruleId` flags `text`: {probe, findings}. */
function probe(ruleId, text, customer) {
  const probes = customer === null
    ? PROBES
    : [false, true].map((first) => ({ customer, first_reply: first, note: `情境:客户说“${customer}”${first ? ',这是第一条回复' : ''}` }));
  for (const p of probes) {
    const r = coach.check({ draft: text, customer: p.customer, first_reply: p.first_reply, platform: p.platform || 'taobao' });
    const findings = r.findings.filter((f) => f.rule === ruleId);
    if (findings.length) return { probe: p, findings };
  }
  return { probe: null, findings: [] };
}

/** The text with the findings' spans marked (insertions as a caret). */
function marked(text, findings) {
  const pre = h('pre', {});
  const spans = findings.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue; // overlapping: keep the first
    if (f.start > at) pre.appendChild(document.createTextNode(text.slice(at, f.start)));
    if (f.start === f.end) {
      pre.appendChild(h('mark', { class: `insert ${f.severity}`, title: f.message }));
    } else {
      pre.appendChild(h('mark', { class: f.severity, title: f.message }, text.slice(f.start, f.end)));
    }
    at = f.end;
  }
  if (at < text.length) pre.appendChild(document.createTextNode(text.slice(at)));
  return pre;
}

function compare(rule, bad, good) {
  const badEx = splitExample(codeText(bad.blocks));
  const goodEx = splitExample(codeText(good ? good.blocks : []));
  const badText = badEx.draft;
  const goodText = goodEx.draft;
  const found = badText ? probe(rule.id, badText, badEx.customer) : { probe: null, findings: [] };
  const ctx = found.probe || (badEx.customer !== null ? { customer: badEx.customer, first_reply: false } : PROBES[0]);
  let goodClean = false;
  if (goodText) {
    const r = coach.check({ draft: goodText, customer: ctx.customer, first_reply: ctx.first_reply, platform: ctx.platform || 'taobao' });
    goodClean = !r.findings.some((f) => f.rule === rule.id);
  }
  const badBox = h(
    'div',
    { class: 'example bad', dataset: { flagged: found.findings.length } },
    h('h4', {}, '✗ 反例'),
    badText ? marked(badText, found.findings) : renderBlocks(bad.blocks),
    found.probe && found.probe.note
      ? h('div', { class: 'note' }, found.probe.note)
      : badEx.customer !== null
        ? h('div', { class: 'note' }, `情境:客户说“${badEx.customer}”`)
        : null,
    found.findings[0] ? h('div', { class: 'note' }, `教练提示:${found.findings[0].message}`) : null,
  );
  const goodBox = good
    ? h(
        'div',
        { class: 'example good', dataset: { clean: goodClean } },
        h('h4', {}, '✓ 改为', goodClean ? h('span', { class: 'verified', title: '教练对这句不再提示这条规则' }, '已通过教练检查') : null),
        goodText ? h('pre', {}, goodText) : renderBlocks(good.blocks),
      )
    : h('div', {});
  return h('div', { class: 'compare' }, badBox, h('div', { class: 'arrow', 'aria-hidden': 'true' }, '→'), goodBox);
}

function ruleCard(rule) {
  const secs = sections(rule.doc);
  const find = (name) => secs.find((s) => s.title.trim().toLowerCase() === name);
  const bad = find('example');
  const good = find('use instead');
  const body = [];
  for (const s of secs) {
    const key = s.title.trim().toLowerCase();
    if (key === 'example' || key === 'use instead') continue;
    body.push(
      h(
        'section',
        { class: 'rule-sec', dataset: { section: key || 'intro' } },
        s.title ? h('h4', {}, SECTION_TITLES[key] || s.title) : null,
        renderBlocks(s.blocks),
      ),
    );
  }
  if (bad) body.push(compare(rule, bad, good));
  else if (good) body.push(h('section', { class: 'rule-sec' }, h('h4', {}, '改为'), renderBlocks(good.blocks)));
  const anchor = `rule-${rule.id}`;
  return h(
    'article',
    { class: 'card rule', id: anchor, dataset: { rule: rule.id, severity: rule.severity, category: rule.category } },
    h(
      'div',
      { class: 'rule-head' },
      h('h3', {}, rule.title),
      h('span', { class: `tag ${rule.severity}` }, severityLabel(rule.severity)),
      h('code', {}, rule.id),
      h('a', { class: 'anchor', href: `#${anchor}`, title: '本条规则的链接' }, '#'),
    ),
    body,
  );
}

function render(rules) {
  const known = CATEGORIES.map((c) => c.id);
  const order = [...known, ...new Set(rules.map((r) => r.category).filter((c) => !known.includes(c)))];
  const groups = order
    .map((id) => ({ cat: category(id), rules: rules.filter((r) => r.category === id) }))
    .filter((g) => g.rules.length);
  replace(
    $('rules'),
    groups.map((g) =>
      h(
        'section',
        { class: 'cat-section', id: `cat-${g.cat.id}`, dataset: { category: g.cat.id } },
        h('h2', {}, g.cat.label, h('code', {}, g.cat.id)),
        g.cat.advice ? h('p', { class: 'cat-advice' }, `指南要求:${g.cat.advice}`) : null,
        g.rules.map(ruleCard),
      ),
    ),
  );
  replace(
    $('cat-nav'),
    groups.map((g) =>
      h('li', {}, h('a', { href: `#cat-${g.cat.id}` }, h('span', {}, g.cat.label), h('span', { class: 'n' }, String(g.rules.length)))),
    ),
  );
}

const filter = { text: '', severity: 'all' };

function applyFilter() {
  const q = filter.text.trim().toLowerCase();
  let shown = 0;
  for (const card of document.querySelectorAll('.rule')) {
    const okSev = filter.severity === 'all' || card.dataset.severity === filter.severity;
    const okText = !q || card.textContent.toLowerCase().includes(q);
    card.hidden = !(okSev && okText);
    if (!card.hidden) shown += 1;
  }
  for (const sec of document.querySelectorAll('.cat-section')) {
    sec.hidden = !sec.querySelector('.rule:not([hidden])');
  }
  $('rule-count').textContent = `${shown} 条规则`;
}

function wireFilters() {
  $('rule-search').addEventListener('input', (e) => {
    filter.text = e.target.value;
    applyFilter();
  });
  const box = $('sev-filter');
  const options = [
    ['all', '全部'],
    ['error', '错误'],
    ['warning', '警告'],
    ['hint', '建议'],
  ];
  const draw = () =>
    replace(
      box,
      options.map(([id, label]) =>
        h(
          'button',
          {
            type: 'button',
            'aria-pressed': String(filter.severity === id),
            dataset: { severity: id },
            onclick: () => {
              filter.severity = id;
              draw();
              applyFilter();
            },
          },
          label,
        ),
      ),
    );
  draw();
}

async function boot() {
  try {
    await init();
    coach = new Coach({ platform: 'taobao' });
  } catch (e) {
    const s = $('status');
    s.classList.add('failed');
    s.textContent = `规则加载失败:${e && e.message ? e.message : e}。请先运行 scripts/build-wasm.sh 生成 pkg/。`;
    throw e;
  }
  const rules = Coach.rules();
  render(rules);
  wireFilters();
  applyFilter();
  $('status').hidden = true;
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  document.body.dataset.ready = 'true';
}

boot();

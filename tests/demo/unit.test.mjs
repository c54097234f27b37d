// Unit tests of the demo's pure modules (no browser): the Markdown reader, the scenario
// library, the practice summary, and the team-pack check shared with the options page
// (www/extension/options/pack-check.js: a fake worker here, and the real core when pkg/ is
// built).   node --test tests/demo/
import test from 'node:test';
import assert from 'node:assert/strict';
import { parse, sections, safeHref } from '../../www/rules/markdown.js';
import { SCENARIOS, chatContext, modelReply, scenarioById } from '../../www/demo/scenarios.js';
import { summarise } from '../../www/demo/practice.js';
import { CATEGORIES } from '../../www/assets/categories.js';
import { existsSync, readFileSync } from 'node:fs';
import { checkPacks, trial, withPack, SAMPLE } from '../../www/extension/options/pack-check.js';

test('markdown: headings, paragraphs, fences, lists and quotes', () => {
  const md = '## What it does\nFlags 不知道\n和不清楚.\n\n```text\n这个我也不知道。\n```\n\n- 一\n- two\n  more\n\n1. first\n2. second\n\n> 引用';
  assert.deepEqual(parse(md), [
    { type: 'heading', level: 2, text: 'What it does' },
    { type: 'paragraph', text: 'Flags 不知道和不清楚.' },
    { type: 'code', lang: 'text', text: '这个我也不知道。' },
    { type: 'list', ordered: false, items: ['一', 'two more'] },
    { type: 'list', ordered: true, items: ['first', 'second'] },
    { type: 'quote', blocks: [{ type: 'paragraph', text: '引用' }] },
  ]);
});

test('markdown: an unclosed fence runs to the end, a longer fence needs a long close', () => {
  assert.deepEqual(parse('```\na\n```'), [{ type: 'code', lang: '', text: 'a' }]);
  assert.deepEqual(parse('````md\n```\nin\n````'), [{ type: 'code', lang: 'md', text: '```\nin' }]);
  assert.deepEqual(parse('```\nopen'), [{ type: 'code', lang: '', text: 'open' }]);
});

test('markdown: sections split on ## and keep their blocks', () => {
  const s = sections('intro\n\n## What it does\na\n\n## Example\n```text\nx\n```');
  assert.deepEqual(
    s.map((x) => [x.title, x.blocks.map((b) => b.type)]),
    [
      ['', ['paragraph']],
      ['What it does', ['paragraph']],
      ['Example', ['code']],
    ],
  );
});

test('markdown: only http(s) and relative links are followed', () => {
  assert.equal(safeHref('https://example.com/a'), 'https://example.com/a');
  assert.equal(safeHref('#rule-x'), '#rule-x');
  assert.equal(safeHref('docs/rules.md'), 'docs/rules.md');
  for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', 'mailto:a@b']) {
    assert.equal(safeHref(bad), null, bad);
  }
});

test('scenarios: ten from the guides, unique ids, complete data', () => {
  const ids = SCENARIOS.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of [
    'first-greeting', 'presale-recommend', 'price-objection', 'unpaid-reminder', 'late-shipment',
    'damaged-item', 'wrong-item', 'refund-progress', 'angry-complaint', 'closing',
  ]) {
    const s = scenarioById(id);
    assert.ok(s, id);
    assert.ok(s.model && s.bad && s.focus && s.tips.length && s.order.product && s.customer.name, id);
    assert.ok(s.history.some((m) => m.role === 'customer'), id);
    assert.equal(s.history[s.history.length - 1].role, 'customer', `${id} ends on the customer`);
  }
});

test('scenarios: the coach reads the customer messages after the last agent reply', () => {
  assert.deepEqual(chatContext(scenarioById('late-shipment')), {
    customer: '我都下单5天了,怎么还没发货??\n到底还发不发',
    first_reply: true,
  });
  assert.deepEqual(chatContext(scenarioById('closing')), { customer: '好的,明白了,谢谢', first_reply: false });
  // An image message is not text for the coach.
  assert.ok(!chatContext(scenarioById('damaged-item')).customer.includes('[图片]'));
});

test('scenarios: formal platforms get 您好 where the guides open with 亲', () => {
  const s = scenarioById('first-greeting');
  assert.ok(s.model.startsWith('亲,您好'));
  assert.ok(modelReply(s, 'jd').startsWith('您好!'));
  assert.ok(modelReply(s, 'generic').startsWith('您好!'));
  assert.equal(modelReply(s, 'taobao'), s.model);
  assert.ok(modelReply(scenarioById('damaged-item'), 'generic').startsWith('您好,非常抱歉'));
  for (const sc of SCENARIOS) assert.ok(!/^亲/.test(modelReply(sc, 'generic')), sc.id);
});

const report = (score, findings = [], dims = {}) => ({
  score,
  scores: { politeness: 100, empathy: 100, clarity: 100, control: 100, compliance: 100, ...dims },
  findings: findings.map(([category, severity]) => ({ rule: `${category}.x`, category, severity, start: 0, end: 0, message: '', suggestions: [] })),
});

test('practice summary: average, weakest categories first, low dimensions, scenarios to redo', () => {
  const sum = summarise([
    { id: 'late-shipment', text: 'a', report: report(50, [['apology', 'warning'], ['impatience', 'error']], { empathy: 40 }) },
    { id: 'closing', text: 'b', report: report(90, [['closing', 'warning']]) },
    { id: 'wrong-item', text: 'c', report: report(70, [['apology', 'warning']], { empathy: 70 }) },
  ]);
  assert.equal(sum.average, 70);
  assert.equal(sum.best, 90);
  assert.equal(sum.worst, 50);
  assert.equal(sum.findings, 4);
  assert.deepEqual(sum.categories.map((c) => [c.id, c.count, c.weight]), [
    ['apology', 2, 4],
    ['impatience', 1, 3],
    ['closing', 1, 2],
  ]);
  assert.deepEqual(sum.categories[0].scenarios, ['late-shipment', 'wrong-item']);
  assert.deepEqual(sum.weakDims.map((d) => [d.key, d.value]), [['empathy', 70]]);
  assert.deepEqual(sum.retry, ['late-shipment', 'wrong-item']);
});

test('practice summary: a clean run has nothing to work on', () => {
  const sum = summarise([{ id: 'closing', text: 'x', report: report(100) }]);
  assert.equal(sum.average, 100);
  assert.deepEqual(sum.categories, []);
  assert.deepEqual(sum.weakDims, []);
  assert.deepEqual(sum.retry, []);
});

test('categories: the twenty of RULES.md, each with advice', () => {
  assert.equal(CATEGORIES.length, 20);
  for (const c of CATEGORIES) assert.ok(c.label && c.advice, c.id);
});

// ---- the annotator's live window: a long paste is checked around the caret --------------

test('a draft up to LIVE_LIMIT is checked whole; a longer one in a window around the caret', async () => {
  const { liveWindow, LIVE_LIMIT } = await import('../../www/annotator/index.js');
  assert.deepEqual(liveWindow('好'.repeat(LIVE_LIMIT), 5), { start: 0, end: LIVE_LIMIT });
  const long = '好'.repeat(LIVE_LIMIT * 3);
  assert.deepEqual(liveWindow(long, null), { start: 0, end: LIVE_LIMIT });
  assert.deepEqual(liveWindow(long, LIVE_LIMIT * 3), { start: LIVE_LIMIT * 2, end: LIVE_LIMIT * 3 });
  const mid = liveWindow(long, LIVE_LIMIT * 1.5);
  assert.equal(mid.end - mid.start, LIVE_LIMIT);
  assert.ok(mid.start < LIVE_LIMIT * 1.5 && LIVE_LIMIT * 1.5 < mid.end);
  // Never half a surrogate pair at either edge.
  const emoji = '😀'.repeat(LIVE_LIMIT * 2);
  for (const caret of [0, 1, LIVE_LIMIT + 1, LIVE_LIMIT * 2 + 1, emoji.length]) {
    const w = liveWindow(emoji, caret);
    assert.equal(w.start % 2, 0, `start ${w.start} splits a pair`);
    assert.equal(w.end % 2, 0, `end ${w.end} splits a pair`);
    assert.ok(w.end - w.start <= LIVE_LIMIT);
  }
});

// ---- one source: the pages' category names, platforms, severities and dimensions are the core's

test("the pages' facts are the core's (www/assets/core-facts.js, generated and checked by tests/docs.rs)", async () => {
  const core = await import('../../www/assets/core-facts.js');
  const pages = await import('../../www/assets/categories.js');
  assert.deepEqual(pages.CATEGORIES.map((c) => [c.id, c.label]), core.CORE_CATEGORIES.map((c) => [c.id, c.label]));
  for (const c of pages.CATEGORIES) assert.ok(c.advice, `no advice for ${c.id}`);
  assert.deepEqual(pages.PLATFORMS.map((p) => p.id).sort(), [...core.CORE_PLATFORMS].sort());
  assert.deepEqual(Object.keys(pages.SEVERITIES).sort(), [...core.CORE_SEVERITIES].sort());
  assert.deepEqual(Object.keys(pages.DIMENSION_ADVICE).sort(), [...core.CORE_DIMENSIONS].sort());
});

/** A stand-in for a Worker: answers `reply(packs)` after `delay` ms, or never (reply null). */
function fakeWorker({ reply = null, delay = 0, fail = null } = {}) {
  const w = {
    terminated: false,
    posted: null,
    terminate() {
      w.terminated = true;
    },
    postMessage(msg) {
      w.posted = msg;
      if (fail) setTimeout(() => !w.terminated && w.onerror({ message: fail, preventDefault() {} }), delay);
      else if (reply) setTimeout(() => !w.terminated && w.onmessage({ data: reply(msg.packs) }), delay);
    },
  };
  return w;
}

test('pack check: a worker that takes too long is terminated and the pack refused', async () => {
  const w = fakeWorker();
  const started = Date.now();
  await assert.rejects(checkPacks([{ name: 'x' }], { timeoutMs: 50, start: () => w }), /检查超过 0.05 秒仍未完成/);
  assert.ok(w.terminated);
  assert.ok(Date.now() - started < 2000);
  // An answer after the limit changes nothing.
  const late = fakeWorker({ reply: () => ({ ok: true, rules: 1, ms: 1 }), delay: 200 });
  await assert.rejects(checkPacks([], { timeoutMs: 50, start: () => late }));
  assert.ok(late.terminated);
});

test('pack check: the verdict of the worker, which is then terminated', async () => {
  const ok = fakeWorker({ reply: (packs) => ({ ok: true, rules: packs.length, ms: 3 }) });
  assert.deepEqual(await checkPacks([{ name: 'a' }, { name: 'b' }], { start: () => ok }), { rules: 2, ms: 3 });
  assert.ok(ok.terminated);
  assert.deepEqual(ok.posted, { packs: [{ name: 'a' }, { name: 'b' }] });
  const bad = fakeWorker({ reply: () => ({ ok: false, message: '规则包 “x” (name): 缺少规则包名称' }) });
  await assert.rejects(checkPacks([], { start: () => bad }), /缺少规则包名称/);
  assert.ok(bad.terminated);
  const broken = fakeWorker({ fail: 'SyntaxError' });
  await assert.rejects(checkPacks([], { start: () => broken }), /检查线程出错.SyntaxError/);
  await assert.rejects(checkPacks([], { start: () => { throw new Error('no Worker'); } }), /无法启动检查线程/);
});

test('pack check: a pack replaces the one of its name', () => {
  const a = { name: 'a', rules: [] };
  const b = { name: 'b', rules: [] };
  const a2 = { name: 'a', rules: [1] };
  assert.deepEqual(withPack([a, b], a2), [b, a2]);
  assert.deepEqual(withPack([], null), [null]);
  assert.equal([...SAMPLE].length, 5000);
});

const PKG = new URL('../../pkg/', import.meta.url);
test('pack check: the core refuses the issue\'s packs and times a good one', { skip: !existsSync(new URL('kefu_coach_bg.wasm', PKG)) && 'pkg/ not built' }, async () => {
  const { initSync, Coach } = await import(new URL('kefu_coach.js', PKG));
  initSync({ module: readFileSync(new URL('kefu_coach_bg.wasm', PKG)) });
  const rule = (id, pattern) => ({ id, pattern, category: 'impatience', severity: 'warning', message: 'm' });
  const good = { name: '售后组', rules: [rule('no-hehe', '呵呵'), rule('lazy', 'a(.*x|.*y|.*z)?')] };
  const verdict = trial(Coach, [good]);
  assert.equal(verdict.ok, true, verdict.message);
  assert.equal(verdict.rules, 2);
  const slow = trial(Coach, [{ name: 'p', rules: [rule('slow', '((\\w|\\W){1,99}){1,20}y')] }]);
  assert.equal(slow.ok, false);
  assert.match(slow.message, /第 1 条 \(pattern\).*第 16 个字符处,表达式过于复杂/);
  const big = trial(Coach, [{ name: 'p', rules: [rule('big', '(\\w{99}){100}')] }]);
  assert.match(big.message, /第 9 个字符处/);
  const twice = trial(Coach, [good, { name: '售前', rules: [rule('no-hehe', '呵呵+')] }]);
  assert.match(twice.message, /与规则包 “售后组” 中的规则同名/);
  const many = Array.from({ length: 50 }, (_, i) => ({ name: `p${i}`, rules: Array.from({ length: 200 }, (_, j) => rule(`r${i}-${j}`, `呵${i}-${j}`)) }));
  assert.match(trial(Coach, many).message, /规则包合计最多 200 条规则/);
});

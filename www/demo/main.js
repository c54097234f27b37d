/**
 * The trainer console: wires the scenario library, the WebAssembly coach, the shared annotator
 * (the very module the extension uses) and the score pictures together.
 *
 * Routes (hash): ``/`#scenario=ID` the demo console, `#practice` choose a practice run,
 * `#practice/run` a run in progress, `#practice/result` its report.
 */
import init, { Coach } from '../pkg/kefu_coach.js';
import { annotate } from '../annotator/index.js';
import { h, replace } from '../assets/dom.js';
import { PLATFORMS } from '../assets/categories.js';
import { SCENARIOS, STAGES, chatContext, modelReply, scenarioById } from './scenarios.js';
import { conversationItem, renderMessages, renderOrder, avatarColour } from './console.js';
import { createCoachPanel, renderModel } from './coach-panel.js';
import { renderStart, renderResult } from './practice.js';
import { replaceRange, setValue } from './edit.js';
import { checkPacks, readPackFile, withPack } from '../extension/options/pack-check.js';

const $ = (id) => document.getElementById(id);
const PLATFORM_KEY = 'kefu-coach-demo:platform';

const state = {
  coach: null,
  platform: 'taobao',
  scenario: SCENARIOS[0],
  stage: '全部',
  drafts: new Map(), // scenario id -> unsent draft
  sent: new Map(), // scenario id -> [{text, score, report}]
  practice: null, // {ids, index, results}
  report: null,
  draft: '',
  annotator: null,
  packs: [], // team packs in force (tried in a worker first: importPack)
};

const els = {
  draft: $('draft'),
  messages: $('messages'),
  list: $('conv-list'),
  composer: $('composer'),
  done: $('done-bar'),
  modelBox: $('model-box'),
  modelBtn: $('btn-model'),
  send: $('btn-send'),
};

let panel = null;

// ---- checking ------------------------------------------------------------------------

function context() {
  return { ...chatContext(state.scenario), platform: state.platform };
}

function check(draft) {
  return state.coach.check({ draft, ...context() });
}

function onReport(report, draft) {
  state.report = report;
  state.draft = draft;
  // Once the reply is sent the panel keeps showing the sent reply's result.
  if (!els.composer.hidden) panel.show(report, draft);
}

function refresh() {
  return state.annotator.refresh();
}

// ---- the console ---------------------------------------------------------------------

function inPractice() {
  return state.practice !== null;
}

function listedScenarios() {
  if (inPractice()) return state.practice.ids.map(scenarioById);
  return SCENARIOS.filter((s) => state.stage === '全部' || s.stage === state.stage);
}

function scoreOf(id) {
  if (inPractice()) {
    const r = state.practice.results.find((x) => x.id === id);
    return r ? r.report.score : null;
  }
  const sent = state.sent.get(id);
  return sent && sent.length ? sent[sent.length - 1].score : null;
}

function renderList() {
  const items = listedScenarios().map((s) => conversationItem(s, { score: scoreOf(s.id), onSelect: selectFromList }));
  replace(els.list, items);
  $('conv-count').textContent = `${items.length} 个会话`;
  for (const b of els.list.querySelectorAll('.conv')) {
    const current = b.dataset.scenarioId === state.scenario.id;
    b.setAttribute('aria-current', current ? 'true' : 'false');
    if (inPractice()) b.disabled = !current;
    if (current) b.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  $('stage-filter').hidden = inPractice();
}

function renderStageFilter() {
  const box = $('stage-filter');
  replace(
    box,
    ['全部', ...STAGES].map((stage) =>
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': String(stage === state.stage),
          onclick: () => {
            state.stage = stage;
            renderStageFilter();
            renderList();
          },
        },
        stage,
      ),
    ),
  );
}

function selectFromList(id) {
  if (inPractice()) return;
  location.hash = `scenario=${encodeURIComponent(id)}`;
}

/** Show a scenario in the console. */
function showScenario(scenario) {
  if (state.scenario && !inPractice()) state.drafts.set(state.scenario.id, els.draft.value);
  state.scenario = scenario;
  const c = scenario.customer;
  const av = $('chat-avatar');
  av.textContent = c.avatar;
  av.style.background = avatarColour(c.name);
  $('chat-name').textContent = c.name;
  $('chat-level').textContent = c.level;
  $('chat-stage').textContent = scenario.stage;
  $('chat-title').textContent = scenario.title;
  $('chat-first').hidden = !chatContext(scenario).first_reply;
  $('focus-text').textContent = scenario.focus;
  replace($('focus-tips'), scenario.tips.map((t) => h('li', {}, t)));
  renderOrder($('order'), scenario);
  closeModel();
  renderList();
  renderChat();
  setValue(els.draft, inPractice() ? '' : state.drafts.get(scenario.id) || '');
  updateCount();
  refresh();
}

function sentReplies() {
  if (inPractice()) {
    const r = state.practice.results.find((x) => x.id === state.scenario.id);
    return r ? [{ text: r.text, score: r.report.score, report: r.report }] : [];
  }
  return state.sent.get(state.scenario.id) || [];
}

function renderChat() {
  const sent = sentReplies();
  renderMessages(els.messages, state.scenario, sent);
  const replied = sent.length > 0;
  els.composer.hidden = replied;
  els.done.hidden = !replied;
  if (replied) {
    const last = sent[sent.length - 1];
    renderDoneBar(last);
    renderTeamTemplate(last);
    panel.show(last.report, last.text, { readOnly: true });
    $('coach-state').textContent = '已发送';
  } else {
    renderTeamTemplate(null);
    panel.show(state.report && state.draft === els.draft.value ? state.report : null, els.draft.value);
    $('coach-state').textContent = '实时';
  }
  $('btn-bad').hidden = inPractice();
  $('btn-model-fill').hidden = inPractice();
  els.modelBtn.hidden = inPractice() && !replied;
  els.send.textContent = inPractice() ? '提交本题' : '发送';
  renderPracticeBar();
}

/**
 * Practice mode: after the trainee sends, the team's template for the customer's situation
 * (the report's `templates`, the team phrasebook first) beside their reply.
 */
function renderTeamTemplate(last) {
  const box = $('team-template');
  const t = inPractice() && last && last.report.templates && last.report.templates[0];
  box.hidden = !t;
  if (!t) {
    replace(box);
    return;
  }
  replace(
    box,
    h('div', { class: 'label' }, `这类问题的团队话术 · ${SITUATION_LABELS[t.situation] || t.situation}`),
    h('div', { class: 'text', dataset: { teamTemplate: t.id, situation: t.situation } }, t.text),
  );
}

/** zh-CN names of the report's `situation` ids (docs/contracts.md). */
const SITUATION_LABELS = {
  ship_time: '询问发货/到货时间',
  late: '物流延迟',
  damaged: '商品破损/故障',
  wrong_item: '错发/漏发',
  refund_pending: '退款未到账',
  price: '价格异议',
  quality: '质量疑虑',
  return: '退换货',
  invoice: '发票',
  out_of_stock: '缺货/到货',
  address_change: '修改地址',
  closing: '结束咨询',
};

function renderDoneBar(last) {
  const buttons = [];
  if (inPractice()) {
    const p = state.practice;
    const lastOne = p.index >= p.ids.length - 1;
    buttons.push(
      h('button', { type: 'button', class: 'btn', onclick: () => openModel() }, '对照示范回复'),
      h('button', { type: 'button', class: 'btn primary', dataset: { next: '' }, onclick: nextPractice }, lastOne ? '查看练习报告 →' : '下一题 →'),
    );
  } else {
    const i = SCENARIOS.indexOf(state.scenario);
    const next = SCENARIOS[(i + 1) % SCENARIOS.length];
    buttons.push(
      h('button', { type: 'button', class: 'btn', onclick: rewrite }, '重写这条回复'),
      h('button', { type: 'button', class: 'btn primary', onclick: () => (location.hash = `scenario=${next.id}`) }, `下一个场景:${next.title} →`),
    );
  }
  replace(els.done, h('span', {}, `已${inPractice() ? '提交' : '发送'} · 得分 `, h('b', {}, String(last.score))), h('span', { class: 'spacer' }), buttons);
}

function updateCount() {
  $('composer-count').textContent = `${els.draft.value.length} 字`;
}

// ---- actions -------------------------------------------------------------------------

function send() {
  const text = els.draft.value.trim();
  if (!text) {
    els.draft.focus();
    return;
  }
  const report = check(text);
  if (inPractice()) {
    state.practice.results.push({ id: state.scenario.id, text, report });
  } else {
    const list = state.sent.get(state.scenario.id) || [];
    list.push({ text, score: report.score, report });
    state.sent.set(state.scenario.id, list);
    state.drafts.delete(state.scenario.id);
  }
  setValue(els.draft, '');
  updateCount();
  renderList();
  renderChat();
  if (inPractice()) openModel();
  refresh();
}

function rewrite() {
  const list = state.sent.get(state.scenario.id) || [];
  const last = list.pop();
  renderList();
  renderChat();
  if (last) replaceRange(els.draft, 0, els.draft.value.length, last.text);
}

function fill(text) {
  replaceRange(els.draft, 0, els.draft.value.length, text);
  updateCount();
}

function applyFix(finding, i) {
  // The panel shows the report of the text in the box: refuse stale offsets.
  if (els.draft.value !== state.draft) {
    refresh();
    return;
  }
  replaceRange(els.draft, finding.start, finding.end, finding.suggestions[i]);
  updateCount();
}

function focusFinding(f) {
  if (els.composer.hidden) return;
  els.draft.focus();
  els.draft.setSelectionRange(f.start, f.end);
}

function openModel() {
  const text = modelReply(state.scenario, state.platform);
  const report = check(text);
  renderModel(els.modelBox, text, report, {
    onFill: inPractice() || els.composer.hidden ? null : () => fill(text),
  });
  els.modelBox.hidden = false;
  els.modelBtn.setAttribute('aria-expanded', 'true');
  els.modelBtn.textContent = '收起示范回复';
  if (!window.matchMedia('(max-width: 960px)').matches) els.modelBox.scrollIntoView({ block: 'nearest' });
}

function closeModel() {
  els.modelBox.hidden = true;
  replace(els.modelBox);
  els.modelBtn.setAttribute('aria-expanded', 'false');
  els.modelBtn.textContent = '查看示范回复';
}

function setPlatform(p) {
  if (!PLATFORMS.some((x) => x.id === p)) return;
  state.platform = p;
  document.body.dataset.kefuPlatform = p;
  $('platform').value = p;
  try {
    localStorage.setItem(PLATFORM_KEY, p);
  } catch (_) {
    /* private mode: the choice lasts for this page only */
  }
  if (!els.modelBox.hidden) openModel();
  if (state.annotator) refresh();
}

// ---- practice ------------------------------------------------------------------------

function renderPracticeBar() {
  const bar = $('practice-bar');
  bar.hidden = !inPractice();
  if (!inPractice()) return;
  const p = state.practice;
  const steps = p.ids.map((id, i) =>
    h('span', { class: `step${i < p.results.length ? ' done' : i === p.index ? ' current' : ''}`, title: scenarioById(id).title }),
  );
  replace(
    bar,
    h('b', {}, '练习中'),
    h('span', { dataset: { practiceStep: p.index + 1 } }, `第 ${p.index + 1} / ${p.ids.length} 题`),
    h('span', { class: 'steps' }, steps),
    h('button', { type: 'button', class: 'btn small', onclick: quitPractice }, '退出练习'),
  );
}

function startPractice(scenarios) {
  state.practice = { ids: scenarios.map((s) => s.id), index: 0, results: [] };
  history.replaceState(null, '', '#practice/run');
  showView('console');
  showScenario(scenarios[0]);
  els.draft.focus();
}

function nextPractice() {
  const p = state.practice;
  if (p.index >= p.ids.length - 1) {
    finishPractice();
    return;
  }
  p.index += 1;
  showScenario(scenarioById(p.ids[p.index]));
  els.draft.focus();
}

function finishPractice() {
  const results = state.practice.results;
  history.replaceState(null, '', '#practice/result');
  showView('practice-result');
  renderResult($('practice-result'), results, {
    onRetry: (ids) => startPractice(ids.map(scenarioById)),
    onAgain: () => {
      state.practice = null;
      location.hash = 'practice';
    },
    onBack: quitPractice,
  });
  state.practice = null;
  window.scrollTo(0, 0);
}

function quitPractice() {
  state.practice = null;
  location.hash = '';
  route();
}

// ---- routing -------------------------------------------------------------------------

function showView(name) {
  $('console').hidden = name !== 'console';
  $('practice-start').hidden = name !== 'practice-start';
  $('practice-result').hidden = name !== 'practice-result';
  const nav = name === 'console' && !inPractice() ? 'demo' : 'practice';
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function route() {
  const hash = location.hash.replace(/^#/, '');
  if (hash === 'practice/run' && inPractice()) return;
  if (hash.startsWith('practice')) {
    state.practice = null;
    if (hash !== 'practice') history.replaceState(null, '', '#practice');
    showView('practice-start');
    renderStart($('practice-start'), { onStart: startPractice, onBack: quitPractice });
    return;
  }
  state.practice = null;
  const params = new URLSearchParams(hash);
  const scenario = scenarioById(params.get('scenario') || '') || state.scenario || SCENARIOS[0];
  showView('console');
  showScenario(scenario);
}

// ---- team packs ----------------------------------------------------------------------

/** Imports a team pack: tried in a Web Worker with a time limit, then added to the coach. */
async function importPack(e) {
  const input = e.target;
  const file = input.files && input.files[0];
  input.value = '';
  if (!file) return;
  const status = $('pack-status');
  status.className = 'pack-status';
  status.textContent = '正在检查规则包…';
  input.disabled = true;
  try {
    const pack = await readPackFile(file);
    const next = withPack(state.packs, pack);
    const { ms } = await checkPacks(next);
    state.coach.addPack(pack);
    state.packs = next;
    status.className = 'pack-status ok';
    status.textContent = `已采用“${pack.name}”(${pack.rules.length} 条规则;试查 5,000 字用时 ${ms} 毫秒)`;
    renderPacks();
    refresh();
  } catch (err) {
    status.className = 'pack-status error';
    status.textContent = `未采用:${(err && err.message) || err}。教练的规则没有任何更改。`;
  } finally {
    input.disabled = false;
  }
}

/** Imports a team phrasebook; a bad file changes nothing and says why (the core's message). */
async function importPhrasebook(e) {
  const input = e.target;
  const file = input.files && input.files[0];
  input.value = '';
  if (!file) return;
  const status = $('phrasebook-status');
  status.className = 'pack-status';
  try {
    let book;
    try {
      book = JSON.parse(await file.text());
    } catch {
      throw new Error(`${file.name} 不是有效的 JSON 文件`);
    }
    state.coach.configure({ platform: 'taobao', packs: state.packs, phrasebook: book });
    const n = Array.isArray(book.entries) ? book.entries.length : 0;
    status.className = 'pack-status ok';
    status.textContent = `已采用话术库“${book.name}”(${n} 条话术)`;
    refresh();
  } catch (err) {
    status.className = 'pack-status error';
    status.textContent = `未采用:${(err && err.message) || err}。话术库没有任何更改。`;
  }
}

function renderPacks() {
  replace(
    $('pack-list'),
    state.packs.map((p) => h('li', { 'data-pack': p.name }, `${p.name}(${p.rules.length} 条规则)`)),
  );
}

// ---- start ---------------------------------------------------------------------------

function wire() {
  replace(
    $('platform'),
    PLATFORMS.map((p) => h('option', { value: p.id }, p.label)),
  );
  $('platform').addEventListener('change', (e) => setPlatform(e.target.value));
  $('btn-bad').addEventListener('click', () => fill(state.scenario.bad));
  $('btn-model-fill').addEventListener('click', () => fill(modelReply(state.scenario, state.platform)));
  $('btn-clear').addEventListener('click', () => fill(''));
  els.send.addEventListener('click', send);
  $('pack-file').addEventListener('change', importPack);
  $('phrasebook-file').addEventListener('change', importPhrasebook);
  els.modelBtn.addEventListener('click', () => (els.modelBox.hidden ? openModel() : closeModel()));
  els.draft.addEventListener('input', updateCount);
  els.draft.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
      e.preventDefault();
      send();
    }
  });
  panel = createCoachPanel({
    gauge: $('gauge'),
    bars: $('bars'),
    radar: $('radar'),
    summary: $('summary'),
    findings: $('findings'),
    count: $('finding-count'),
    onApply: applyFix,
    onFocus: focusFinding,
  });
  renderStageFilter();
  // Phones scroll the page anyway: open the radar there; on a laptop keep the findings in view.
  $('radar-details').open = window.matchMedia('(max-width: 960px)').matches;
}

async function boot() {
  try {
    await init();
    state.coach = new Coach({ platform: 'taobao' });
  } catch (e) {
    const boot = $('boot');
    boot.classList.add('failed');
    boot.textContent = `话术教练加载失败:${e && e.message ? e.message : e}。请先运行 scripts/build-wasm.sh 生成 pkg/,再刷新页面。`;
    throw e;
  }
  wire();
  let saved = 'taobao';
  try {
    saved = localStorage.getItem(PLATFORM_KEY) || 'taobao';
  } catch (_) {
    saved = 'taobao';
  }
  setPlatform(saved);
  state.annotator = annotate(els.draft, { check: (r) => state.coach.check(r), context, onReport });
  $('boot').hidden = true;
  window.addEventListener('hashchange', route);
  route();
  document.body.dataset.ready = 'true';
}

boot();

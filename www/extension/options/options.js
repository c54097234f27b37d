// The options page: rule and category switches grouped by category, with each rule's title and
// its zh-CN one-line summary from the core (Coach.rules(); a team pack's rules with their
// message; category and situation names from the generated assets/core-facts.js: one
// source), search; team rule packs (tried by the core in a Web Worker with a time limit:
// pack-check.js) and the team phrasebook (validated by the core), each imported in two steps:
// the file is checked, a preview says what it adds and what it replaces, and only 导入 saves
// it (取消 stores nothing); the phrasebook's season; sites switched off and platforms set per
// site; the default platform; the generic site adapter's selectors; where the core runs.
// Strings: _locales (i18n.js).
import { ext } from '../browser.js';
import { localize, t } from '../i18n.js';
import { loadCore, phrasebookError, rules as coreRules } from '../core.js';
import { PLATFORMS, SEASONS, loadPacks, loadPhrasebook, loadSettings, savePacks, savePhrasebook, saveSettings, waitLimit } from '../settings.js';
import { CORE_CATEGORIES, CORE_SITUATIONS } from '../../assets/core-facts.js';
import { checkPacks, readJsonFile, readPackFile, withPack } from './pack-check.js';

const $ = (id) => document.getElementById(id);
const categoryLabel = (id) => (CORE_CATEGORIES.find((c) => c.id === id) || { label: id }).label;
const platformLabel = (id) => (PLATFORMS.find(([p]) => p === id) || [id, id])[1];
const situationLabel = (id) => (CORE_SITUATIONS.find((s) => s.id === id) || { label: id }).label;

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

async function main() {
  localize();
  const settings = await loadSettings();
  const platform = $('platform');
  for (const [id, label] of PLATFORMS) platform.add(new Option(id === 'auto' ? t('platformAuto') : label, id, false, id === settings.platform));
  platform.addEventListener('change', () => saveSettings({ platform: platform.value }));

  const engine = $('engine');
  engine.value = settings.engine;
  engine.addEventListener('change', () => saveSettings({ engine: engine.value }));

  $('g-customer').value = settings.generic.customer || '';
  $('g-agent').value = settings.generic.agent || '';
  $('g-hosts').value = settings.generic.hosts || '';
  $('g-save').addEventListener('click', saveGeneric);

  $('pack-file').addEventListener('change', importPack);
  $('phrasebook-file').addEventListener('change', importPhrasebook);
  const season = $('season');
  for (const id of SEASONS) season.add(new Option(t(`season_${id || 'none'}`), id, false, id === (settings.season || '')));
  season.addEventListener('change', () => saveSettings({ season: season.value }));
  $('rule-search').addEventListener('input', filterRules);
  renderSites();
  renderWaitLimits(settings);
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && ('disabledSites' in changes || 'sitePlatforms' in changes)) renderSites();
    if (area === 'sync' && ('disabledRules' in changes || 'disabledCategories' in changes)) syncToggles();
    if (area === 'sync' && 'season' in changes) $('season').value = changes.season.newValue || '';
    if (area === 'local' && 'phrasebook' in changes) loadPhrasebook().then(renderPhrasebook);
  });
  await loadCore(ext.runtime.getURL('pkg/kefu_coach_bg.wasm'));
  const packs = await loadPacks();
  renderRules(settings, packs);
  renderPacks(packs);
  const book = await loadPhrasebook();
  renderPhrasebook(book);
  // A phrasebook stored earlier that the core refuses today: the coach uses the default one.
  const bookError = book && phrasebookError(book);
  if (bookError) setStatus('phrasebook-status', 'error', t('phrasebookStoredBad', bookError));
  requestAnimationFrame(() => document.body.classList.add('ready'));
  // Packs saved by an earlier version may exceed today's limits: say so (the coach can't use them).
  if (packs.length) {
    checkPacks(packs).catch((e) => {
      const status = $('pack-status');
      if (status.textContent) return; // an import's verdict came first
      status.className = 'error';
      status.textContent = t('packsStoredBad', (e && e.message) || e);
    });
  }
}

/** The first sentence of a rule's doc ("## What it does" paragraph), and its example pair
 *  (the page shows the core's zh-CN `summary` as the line; the English sentence is the
 *  fallback for a core without one). */
export function summary(doc) {
  const text = String(doc || '');
  const what = (text.split(/^## What it does\s*$/m)[1] || text).split(/\n\s*\n|^## /m)[0].replace(/\s*\n\s*/g, ' ').trim();
  const m = what.match(/^(.+?[.。!?])(\s|$)/);
  let line = m ? m[1] : what;
  if (line.length > 160) line = `${line.slice(0, 157)}…`;
  const code = (h) => {
    const part = text.split(new RegExp(`^## ${h}\\s*$`, 'm'))[1];
    const block = part && part.match(/```[a-z]*\n([\s\S]*?)```/);
    return block ? block[1].trim().split('\n')[0] : '';
  };
  return { line, example: code('Example'), instead: code('Use instead') };
}

/** Every rule the page lists: the built-in ones, then the stored packs' rules (their message
 *  is their summary; they switch off by `category.id` as the built-in ones do). */
function allRules(packs) {
  const list = coreRules().map((r) => ({ ...r, line: r.summary }));
  for (const p of packs || []) {
    for (const r of (p && p.rules) || []) {
      list.push({ id: `${r.category}.${r.id}`, category: r.category, severity: r.severity, title: r.id, line: String(r.message || ''), doc: '', pack: p.name });
    }
  }
  return list;
}

function renderRules(settings, packs) {
  const byCat = new Map(CORE_CATEGORIES.map((c) => [c.id, []]));
  for (const r of allRules(packs)) {
    if (!byCat.has(r.category)) byCat.set(r.category, []);
    byCat.get(r.category).push(r);
  }
  const frag = document.createDocumentFragment();
  for (const [cat, list] of byCat) {
    if (!list.length) continue;
    const catOn = !settings.disabledCategories.includes(cat);
    const catToggle = toggle(catOn, async (on) => {
      const now = await loadSettings();
      const rest = now.disabledCategories.filter((c) => c !== cat);
      await saveSettings({ disabledCategories: on ? rest : [...rest, cat] });
    });
    catToggle.dataset.categoryToggle = cat;
    const head = el('label', { className: 'cat-head' }, switchBox(catToggle), el('span', { className: 'cat-name' }, categoryLabel(cat)), el('span', { className: 'muted small' }, `${cat} · ${t('packsRules', list.length)}`));
    const ul = el('ul', { className: 'rule-list' });
    for (const r of list) {
      const ruleToggle = toggle(!settings.disabledRules.includes(r.id), async (on) => {
        const now = await loadSettings();
        const rest = now.disabledRules.filter((id) => id !== r.id);
        await saveSettings({ disabledRules: on ? rest : [...rest, r.id] });
      });
      ruleToggle.dataset.ruleToggle = r.id;
      const s = summary(r.doc);
      const line = r.line || s.line;
      const team = r.pack ? [' ', el('span', { className: 'tag accent', title: r.pack }, t('packRuleTag', r.pack))] : [];
      const text = el('span', { className: 'rule-text' },
        el('span', { className: 'rule-title' }, r.title, ' ', el('span', { className: `tag ${r.severity}` }, t(`severity_${r.severity}`)), ...team),
        el('span', { className: 'rule-desc' }, line),
        ...(s.example && s.instead ? [el('span', { className: 'rule-example' }, el('s', {}, s.example), ' → ', s.instead)] : []),
        el('code', { className: 'rule-id' }, r.id));
      const li = el('li', { dataset: { rule: r.id, search: `${r.id} ${r.title} ${line} ${r.pack || ''} ${categoryLabel(cat)} ${cat}`.toLowerCase() } }, el('label', { className: 'rule' }, switchBox(ruleToggle), text));
      if (r.pack) li.dataset.fromPack = r.pack;
      ul.append(li);
    }
    const box = el('fieldset', { className: 'category', dataset: { category: cat } }, el('legend', {}, head), ul);
    box.classList.toggle('off', !catOn);
    frag.append(box);
  }
  $('rules').replaceChildren(frag);
  countRules();
  if ($('rule-search').value) filterRules();
}

/** The rule list again after the stored packs changed. */
async function rerenderRules(packs) {
  renderRules(await loadSettings(), packs);
}

function toggle(checked, onChange) {
  const c = el('input', { type: 'checkbox', checked });
  c.setAttribute('role', 'switch');
  c.addEventListener('change', () => {
    onChange(c.checked);
    const cat = c.closest('.category');
    if (c.dataset.categoryToggle && cat) cat.classList.toggle('off', !c.checked);
    countRules();
  });
  return c;
}

function switchBox(input) {
  return el('span', { className: 'switch' }, input, el('span', { className: 'track', 'aria-hidden': 'true' }));
}

/** Another page (the coach's 关闭此规则, the popup) changed the switches: show it. */
async function syncToggles() {
  const s = await loadSettings();
  for (const c of document.querySelectorAll('[data-rule-toggle]')) c.checked = !s.disabledRules.includes(c.dataset.ruleToggle);
  for (const c of document.querySelectorAll('[data-category-toggle]')) {
    c.checked = !s.disabledCategories.includes(c.dataset.categoryToggle);
    c.closest('.category').classList.toggle('off', !c.checked);
  }
  countRules();
}

function countRules() {
  const all = [...document.querySelectorAll('[data-rule-toggle]')];
  const on = all.filter((c) => c.checked && !c.closest('.category.off')).length;
  $('rules-count').textContent = t('rulesCount', all.length, on);
}

function filterRules() {
  const q = $('rule-search').value.trim().toLowerCase();
  let shown = 0;
  for (const cat of document.querySelectorAll('#rules .category')) {
    let any = false;
    for (const li of cat.querySelectorAll('li[data-rule]')) {
      const hit = !q || li.dataset.search.includes(q);
      li.hidden = !hit;
      if (hit) any = true;
      if (hit) shown += 1;
    }
    cat.hidden = !any;
  }
  const empty = $('rules-empty');
  empty.hidden = shown > 0;
  empty.textContent = shown ? '' : t('rulesNone', $('rule-search').value.trim());
}

function setStatus(id, cls, text) {
  const status = $(id);
  status.className = cls;
  status.textContent = text;
}

/**
 * The confirm step under a file picker: `body` (what the file adds, what it replaces) and the
 * buttons 导入 (focused, so Enter imports) and 取消; Escape cancels too. `onImport` saves;
 * cancelling stores nothing. Both hide the preview and give the focus back to the picker.
 */
function confirmStep(preview, input, title, body, onImport, onCancel) {
  const ok = el('button', { type: 'button', className: 'btn primary', dataset: { confirm: 'import' } }, t('confirmImport'));
  const no = el('button', { type: 'button', className: 'btn', dataset: { confirm: 'cancel' } }, t('confirmCancel'));
  const heading = el('h3', { id: `${preview.id}-title` }, title);
  const close = () => {
    preview.hidden = true;
    preview.replaceChildren();
    input.focus();
  };
  ok.addEventListener('click', async () => {
    ok.disabled = true;
    no.disabled = true;
    try {
      await onImport();
    } finally {
      close();
    }
  });
  no.addEventListener('click', () => {
    onCancel();
    close();
  });
  preview.onkeydown = (e) => {
    if (e.key === 'Escape' && !no.disabled) {
      e.preventDefault();
      no.click();
    }
  };
  preview.replaceChildren(heading, ...body, el('div', { className: 'actions' }, ok, no));
  preview.hidden = false;
  ok.focus();
}

async function importPack() {
  const input = $('pack-file');
  const file = input.files && input.files[0];
  input.value = '';
  if (!file) return;
  const preview = $('pack-preview');
  setStatus('pack-status', '', '');
  preview.hidden = true;
  // The verdict goes to #pack-status only (tests wait for its first text).
  $('pack-busy').hidden = false;
  input.disabled = true;
  let pack;
  let before;
  try {
    pack = await readPackFile(file);
    before = await loadPacks();
    await checkPacks(withPack(before, pack));
  } catch (e) {
    setStatus('pack-status', 'error', t('packsRefused', (e && e.message) || e));
    return;
  } finally {
    $('pack-busy').hidden = true;
    input.disabled = false;
  }
  const count = (pack.rules || []).length;
  const old = before.find((p) => p && p.name === pack.name);
  const body = [
    el('p', { className: 'small' }, t('packsAdds')),
    packRules(pack, { patterns: true }),
  ];
  if (old) body.push(el('div', { className: 'replaces', dataset: { replaces: old.name } }, t('packsWillReplace', old.name, (old.rules || []).length), packRules(old)));
  setStatus('pack-status', 'pending', t('packsChecked', pack.name, count));
  confirmStep(preview, input, t('packsPreviewTitle', pack.name, count), body, async () => {
    try {
      const next = withPack(await loadPacks(), pack);
      await savePacks(next);
      setStatus('pack-status', 'ok', t(old ? 'packsReplaced' : 'packsImported', pack.name, count));
      renderPacks(next);
      rerenderRules(next);
    } catch (e) {
      setStatus('pack-status', 'error', t('packsRefused', (e && e.message) || e));
    }
  }, () => setStatus('pack-status', '', t('importCancelled')));
}

/** A pack's rules as the list the page shows: severity, category, id, message, and with
 *  `patterns` the expression (and its `unless`). */
function packRules(pack, { patterns = false } = {}) {
  const ul = el('ul', { className: 'pack-rules' });
  for (const r of (pack && pack.rules) || []) {
    const li = el('li', { dataset: { packRule: `${r.category}.${r.id}` } },
      el('span', { className: `tag ${r.severity}` }, t(`severity_${r.severity}`) || r.severity), ' ',
      el('strong', {}, categoryLabel(r.category)), ' ', el('code', {}, `${r.category}.${r.id}`), ' ', String(r.message || ''));
    if (patterns) {
      li.append(el('div', { className: 'pattern' }, t('packPattern'), ' ', el('code', { dataset: { pattern: '' } }, String(r.pattern || '')),
        ...(r.unless ? [' ', t('packUnless'), ' ', el('code', {}, String(r.unless))] : [])));
    }
    ul.append(li);
  }
  return ul;
}

function renderPacks(packs) {
  const list = $('pack-list');
  list.replaceChildren();
  if (!packs.length) list.append(el('li', { className: 'muted' }, t('packsNone')));
  for (const p of packs) {
    const rm = el('button', { type: 'button', className: 'btn small' }, t('packsRemove'));
    rm.addEventListener('click', async () => {
      const next = (await loadPacks()).filter((q) => q.name !== p.name);
      await savePacks(next);
      renderPacks(next);
      rerenderRules(next);
    });
    const details = el('details', {}, el('summary', {}, t('packsShow')), packRules(p));
    list.append(el('li', { dataset: { pack: p.name } }, el('div', { className: 'row spread' }, el('strong', {}, `${p.name}`), el('span', { className: 'muted small' }, t('packsRules', (p.rules || []).length)), rm), details));
  }
}

/** A phrasebook's entries grouped by situation (the core's order), each with its season and
 *  id: what the page shows before an import and for the stored book. */
function phrasebookEntries(book) {
  const entries = Array.isArray(book && book.entries) ? book.entries : [];
  const dl = el('dl', { className: 'phrases' });
  const order = CORE_SITUATIONS.map((s) => s.id);
  const situations = [...new Set(entries.map((e) => e.situation))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const sit of situations) {
    dl.append(el('dt', { dataset: { situation: sit } }, situationLabel(sit), ' ', el('code', {}, sit)));
    for (const e of entries.filter((x) => x.situation === sit)) {
      dl.append(el('dd', { dataset: { entry: e.id } },
        ...(e.variant ? [el('span', { className: 'tag accent' }, t(`season_${e.variant}`)), ' '] : []),
        String(e.text), ' ', el('code', {}, e.id)));
    }
  }
  return dl;
}

const entryCount = (book) => (Array.isArray(book && book.entries) ? book.entries.length : 0);

/** Validates a phrasebook file with the core (`new Coach({phrasebook})`: its zh-CN error names
 *  the entry and the field), previews it, and stores it only on 导入. */
async function importPhrasebook() {
  const input = $('phrasebook-file');
  const file = input.files && input.files[0];
  input.value = '';
  if (!file) return;
  const preview = $('phrasebook-preview');
  setStatus('phrasebook-status', '', '');
  preview.hidden = true;
  let book;
  try {
    book = await readJsonFile(file, '话术库');
    const why = book && typeof book === 'object' && !Array.isArray(book) ? phrasebookError(book) : '不是话术库(应是一个含 name 和 entries 的 JSON 对象)';
    if (why) throw new Error(why);
  } catch (e) {
    setStatus('phrasebook-status', 'error', t('packsRefused', (e && e.message) || e));
    return;
  }
  const old = await loadPhrasebook();
  const name = String(book.name || '');
  const count = entryCount(book);
  const body = [phrasebookEntries(book)];
  if (old) body.push(el('div', { className: 'replaces', dataset: { replaces: String(old.name || '') } }, t('phrasebookWillReplace', String(old.name || ''), entryCount(old))));
  setStatus('phrasebook-status', 'pending', t('phrasebookChecked', name, count));
  confirmStep(preview, input, t('phrasebookPreviewTitle', name, count), body, async () => {
    try {
      await savePhrasebook(book);
      setStatus('phrasebook-status', 'ok', t(old ? 'phrasebookReplaced' : 'phrasebookImported', name, count));
      renderPhrasebook(book);
    } catch (e) {
      setStatus('phrasebook-status', 'error', t('packsRefused', (e && e.message) || e));
    }
  }, () => setStatus('phrasebook-status', '', t('importCancelled')));
}

/** The stored phrasebook with 删除, or a line saying the default one is in use. */
function renderPhrasebook(book) {
  const box = $('phrasebook-stored');
  if (!book) {
    box.replaceChildren(el('p', { className: 'muted', dataset: { phrasebookNone: '' } }, t('phrasebookNone')));
    return;
  }
  const rm = el('button', { type: 'button', className: 'btn small', dataset: { phrasebookRemove: '' } }, t('phrasebookRemove'));
  rm.addEventListener('click', async () => {
    await savePhrasebook(null);
    renderPhrasebook(null);
    setStatus('phrasebook-status', 'ok', t('phrasebookRemoved'));
    $('phrasebook-file').focus();
  });
  const details = el('details', {}, el('summary', {}, t('phrasebookShow')), phrasebookEntries(book));
  box.replaceChildren(el('ul', { className: 'list' }, el('li', { dataset: { phrasebook: String(book.name || '') } },
    el('div', { className: 'row spread' }, el('strong', {}, String(book.name || '')), el('span', { className: 'muted small' }, t('phrasebookEntries', entryCount(book))), rm), details)));
}

/** Seconds a customer may wait per platform before the badge's timer turns red. */
function renderWaitLimits(settings) {
  const box = $('wait-limits');
  box.replaceChildren();
  for (const [id] of PLATFORMS) {
    if (id === 'auto') continue;
    const input = el('input', { type: 'number', min: '10', max: '3600', step: '10', value: String(waitLimit(settings, id)) });
    input.dataset.waitLimit = id;
    input.setAttribute('aria-label', t('waitLimitFor', platformLabel(id)));
    input.addEventListener('change', async () => {
      const n = Math.round(Number(input.value));
      if (!(n >= 10 && n <= 3600)) {
        input.value = String(waitLimit(await loadSettings(), id));
        return;
      }
      const now = await loadSettings();
      await saveSettings({ waitLimits: { ...now.waitLimits, [id]: n } });
    });
    box.append(el('label', { className: 'field' }, el('span', {}, platformLabel(id)), input, el('span', { className: 'muted small' }, t('waitSeconds'))));
  }
}

async function renderSites() {
  const s = await loadSettings();
  const { sitePlatforms = {} } = await ext.storage.sync.get('sitePlatforms');
  const off = $('sites-off');
  off.replaceChildren();
  if (!s.disabledSites.length) off.append(el('li', { className: 'muted' }, t('sitesOffNone')));
  for (const host of s.disabledSites) {
    const on = el('button', { type: 'button', className: 'btn small' }, t('sitesOn'));
    on.addEventListener('click', async () => {
      const now = await loadSettings();
      await saveSettings({ disabledSites: now.disabledSites.filter((h) => h !== host) });
    });
    off.append(el('li', { className: 'row spread', dataset: { siteOff: host } }, el('code', {}, host), on));
  }
  const plats = $('site-platforms');
  plats.replaceChildren();
  const entries = Object.entries(sitePlatforms);
  if (!entries.length) plats.append(el('li', { className: 'muted' }, t('sitesPlatformsNone')));
  for (const [host, id] of entries) {
    const reset = el('button', { type: 'button', className: 'btn small' }, t('sitesPlatformReset'));
    reset.addEventListener('click', async () => {
      const { sitePlatforms: now = {} } = await ext.storage.sync.get('sitePlatforms');
      const next = { ...now };
      delete next[host];
      await ext.storage.sync.set({ sitePlatforms: next });
    });
    plats.append(el('li', { className: 'row spread', dataset: { sitePlatform: host } }, el('span', {}, el('code', {}, host), ` · ${platformLabel(id)}`), reset));
  }
}

async function saveGeneric() {
  const g = { customer: $('g-customer').value.trim(), agent: $('g-agent').value.trim(), hosts: $('g-hosts').value.trim() };
  const status = $('g-status');
  for (const sel of [g.customer, g.agent]) {
    if (!sel) continue;
    try {
      document.querySelector(sel);
    } catch (_) {
      status.className = 'error';
      status.textContent = t('genericInvalid', sel);
      return;
    }
  }
  await saveSettings({ generic: g });
  status.className = 'ok';
  status.textContent = t('genericSaved');
}

main().catch((e) => {
  $('rules').textContent = t('rulesLoadFailed', (e && e.message) || e);
});

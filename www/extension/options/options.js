// The options page: rule and category switches grouped by category, with each rule's title and
// a one-line description from the core (Coach.rules(); category names from the generated
// assets/core-facts.js: one source), search; team rule packs (tried by the core in a Web
// Worker with a time limit before anything is saved: pack-check.js) with what a pack adds;
// sites switched off and platforms set per site; the default platform; the generic site
// adapter's selectors; where the core runs. Strings: _locales (i18n.js).
import { ext } from '../browser.js';
import { localize, t } from '../i18n.js';
import { loadCore, rules as coreRules } from '../core.js';
import { PLATFORMS, loadPacks, loadSettings, savePacks, saveSettings, waitLimit } from '../settings.js';
import { CORE_CATEGORIES } from '../../assets/core-facts.js';
import { checkPacks, readPackFile, withPack } from './pack-check.js';

const $ = (id) => document.getElementById(id);
const categoryLabel = (id) => (CORE_CATEGORIES.find((c) => c.id === id) || { label: id }).label;
const platformLabel = (id) => (PLATFORMS.find(([p]) => p === id) || [id, id])[1];

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
  $('rule-search').addEventListener('input', filterRules);
  renderSites();
  renderWaitLimits(settings);
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && ('disabledSites' in changes || 'sitePlatforms' in changes)) renderSites();
    if (area === 'sync' && ('disabledRules' in changes || 'disabledCategories' in changes)) syncToggles();
  });
  await loadCore(ext.runtime.getURL('pkg/kefu_coach_bg.wasm'));
  renderRules(settings);
  const packs = await loadPacks();
  renderPacks(packs);
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

/** The first sentence of a rule's doc ("## What it does" paragraph), and its example pair. */
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

function renderRules(settings) {
  const byCat = new Map(CORE_CATEGORIES.map((c) => [c.id, []]));
  for (const r of coreRules()) {
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
      const text = el('span', { className: 'rule-text' },
        el('span', { className: 'rule-title' }, r.title, ' ', el('span', { className: `tag ${r.severity}` }, t(`severity_${r.severity}`))),
        el('span', { className: 'rule-desc' }, s.line),
        ...(s.example && s.instead ? [el('span', { className: 'rule-example' }, el('s', {}, s.example), ' → ', s.instead)] : []),
        el('code', { className: 'rule-id' }, r.id));
      const li = el('li', { dataset: { rule: r.id, search: `${r.id} ${r.title} ${s.line} ${categoryLabel(cat)} ${cat}`.toLowerCase() } }, el('label', { className: 'rule' }, switchBox(ruleToggle), text));
      ul.append(li);
    }
    const box = el('fieldset', { className: 'category', dataset: { category: cat } }, el('legend', {}, head), ul);
    box.classList.toggle('off', !catOn);
    frag.append(box);
  }
  $('rules').replaceChildren(frag);
  countRules();
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

async function importPack() {
  const input = $('pack-file');
  const file = input.files && input.files[0];
  input.value = '';
  if (!file) return;
  const status = $('pack-status');
  const preview = $('pack-preview');
  status.className = '';
  status.textContent = '';
  preview.hidden = true;
  // The verdict goes to #pack-status only (tests wait for its first text).
  $('pack-busy').hidden = false;
  input.disabled = true;
  try {
    const pack = await readPackFile(file);
    const before = await loadPacks();
    const next = withPack(before, pack);
    await checkPacks(next);
    await savePacks(next);
    const replaced = before.some((p) => p && p.name === pack.name);
    status.className = 'ok';
    status.textContent = t(replaced ? 'packsReplaced' : 'packsImported', pack.name, (pack.rules || []).length);
    preview.replaceChildren(el('p', { className: 'small' }, t('packsAdds')), packRules(pack));
    preview.hidden = false;
    renderPacks(next);
  } catch (e) {
    status.className = 'error';
    status.textContent = t('packsRefused', (e && e.message) || e);
  } finally {
    $('pack-busy').hidden = true;
    input.disabled = false;
  }
}

/** A pack's rules as the list the page shows: category, id, severity, message. */
function packRules(pack) {
  const ul = el('ul', { className: 'pack-rules' });
  for (const r of (pack && pack.rules) || []) {
    ul.append(el('li', { dataset: { packRule: `${r.category}.${r.id}` } },
      el('span', { className: `tag ${r.severity}` }, t(`severity_${r.severity}`) || r.severity), ' ',
      el('strong', {}, categoryLabel(r.category)), ' ', el('code', {}, `${r.category}.${r.id}`), ' ', String(r.message || '')));
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
    });
    const details = el('details', {}, el('summary', {}, t('packsShow')), packRules(p));
    list.append(el('li', { dataset: { pack: p.name } }, el('div', { className: 'row spread' }, el('strong', {}, `${p.name}`), el('span', { className: 'muted small' }, t('packsRules', (p.rules || []).length)), rm), details));
  }
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

// The options page: platform, rule and category switches (from Coach.rules()), team rule
// packs (tried by the core in a Web Worker with a time limit before anything is saved:
// pack-check.js), the generic site adapter's selectors, where the core runs.
import { ext } from '../browser.js';
import { loadCore, rules as coreRules } from '../core.js';
import { PLATFORMS, loadPacks, loadSettings, savePacks, saveSettings } from '../settings.js';
import { checkPacks, readPackFile, withPack } from './pack-check.js';

const $ = (id) => document.getElementById(id);

const CATEGORY_NAMES = {
  greeting: '问候', closing: '结束语', address: '称呼', blunt: '生硬拒绝', command: '命令/反问/质问',
  impatience: '不耐烦/敷衍', 'buck-passing': '推诿', blame: '指责客户', apology: '道歉', empathy: '共情',
  timeline: '时间节点', vague: '模糊表述', structure: '结构', coverage: '逐一回应', objection: '异议处理',
  pressure: '过度催促/强推', slang: '网络用语', punctuation: '标点与表情', jargon: '行业术语', compliance: '平台合规',
};

async function main() {
  const settings = await loadSettings();
  const platform = $('platform');
  for (const [id, label] of PLATFORMS) platform.add(new Option(label, id, false, id === settings.platform));
  platform.addEventListener('change', () => saveSettings({ platform: platform.value }));

  const engine = $('engine');
  engine.value = settings.engine;
  engine.addEventListener('change', () => saveSettings({ engine: engine.value }));

  $('g-customer').value = settings.generic.customer || '';
  $('g-agent').value = settings.generic.agent || '';
  $('g-hosts').value = settings.generic.hosts || '';
  $('g-save').addEventListener('click', saveGeneric);

  $('pack-file').addEventListener('change', importPack);
  await loadCore(ext.runtime.getURL('pkg/kefu_coach_bg.wasm'));
  renderRules(settings);
  const packs = await loadPacks();
  renderPacks(packs);
  // Packs saved by an earlier version may exceed today's limits: say so (the coach can't use them).
  if (packs.length) {
    checkPacks(packs).catch((e) => {
      const status = $('pack-status');
      if (status.textContent) return; // an import's verdict came first
      status.className = 'error';
      status.textContent = `已保存的规则包未通过检查:${(e && e.message) || e}。请移除或修改后重新导入。`;
    });
  }
}

function renderRules(settings) {
  const byCat = new Map();
  for (const r of coreRules()) {
    if (!byCat.has(r.category)) byCat.set(r.category, []);
    byCat.get(r.category).push(r);
  }
  const frag = document.createDocumentFragment();
  for (const [cat, list] of byCat) {
    const box = document.createElement('div');
    box.className = 'category';
    box.dataset.category = cat;
    const head = document.createElement('label');
    const catToggle = checkbox(!settings.disabledCategories.includes(cat), async (on) => {
      const now = await loadSettings();
      const rest = now.disabledCategories.filter((c) => c !== cat);
      await saveSettings({ disabledCategories: on ? rest : [...rest, cat] });
    });
    catToggle.dataset.categoryToggle = cat;
    head.append(catToggle, ` ${CATEGORY_NAMES[cat] || cat} (${cat})`);
    const ul = document.createElement('ul');
    for (const r of list) {
      const li = document.createElement('li');
      const label = document.createElement('label');
      const t = checkbox(!settings.disabledRules.includes(r.id), async (on) => {
        const now = await loadSettings();
        const rest = now.disabledRules.filter((id) => id !== r.id);
        await saveSettings({ disabledRules: on ? rest : [...rest, r.id] });
      });
      t.dataset.ruleToggle = r.id;
      label.append(t, ` ${r.title} `);
      const id = document.createElement('span');
      id.className = 'muted small';
      id.textContent = r.id;
      label.append(id);
      li.append(label);
      ul.append(li);
    }
    box.append(head, ul);
    frag.append(box);
  }
  $('rules').replaceChildren(frag);
}

function checkbox(checked, onChange) {
  const c = document.createElement('input');
  c.type = 'checkbox';
  c.checked = checked;
  c.addEventListener('change', () => onChange(c.checked));
  return c;
}

async function importPack() {
  const input = $('pack-file');
  const file = input.files && input.files[0];
  input.value = '';
  if (!file) return;
  const status = $('pack-status');
  status.className = '';
  status.textContent = '';
  // The verdict goes to #pack-status only (tests wait for its first text).
  $('pack-busy').hidden = false;
  input.disabled = true;
  try {
    const pack = await readPackFile(file);
    const next = withPack(await loadPacks(), pack);
    await checkPacks(next);
    await savePacks(next);
    status.className = 'ok';
    status.textContent = `已导入规则包“${pack.name}”(${(pack.rules || []).length} 条规则)。`;
    renderPacks(next);
  } catch (e) {
    status.className = 'error';
    status.textContent = `未导入:${(e && e.message) || e}。现有设置没有任何更改。`;
  } finally {
    $('pack-busy').hidden = true;
    input.disabled = false;
  }
}

function renderPacks(packs) {
  const list = $('pack-list');
  list.replaceChildren();
  for (const p of packs) {
    const li = document.createElement('li');
    li.dataset.pack = p.name;
    li.textContent = `${p.name}(${(p.rules || []).length} 条规则) `;
    const rm = document.createElement('button');
    rm.type = 'button';
    rm.textContent = '移除';
    rm.addEventListener('click', async () => {
      const next = (await loadPacks()).filter((q) => q.name !== p.name);
      await savePacks(next);
      renderPacks(next);
    });
    li.append(rm);
    list.append(li);
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
      status.textContent = `选择器无效:${sel}`;
      return;
    }
  }
  await saveSettings({ generic: g });
  status.className = 'ok';
  status.textContent = '已保存';
}

main().catch((e) => {
  $('rules').textContent = `加载失败:${(e && e.message) || e}`;
});

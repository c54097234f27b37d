// The extension's own pages, in both browsers: the options page (a rule switch persists,
// search filters, each rule's zh-CN summary, a bad team pack or phrasebook changes nothing and
// says why, a good one is previewed and stored only on 导入, category names from the core) and the toolbar popup (the site switch, what the page's
// content script detected, the per-site platform correction, the finding count on the
// button's badge). Each saves 1280×800 screenshots to dist/store/screenshots/ (build output,
// used by the store listing: store/README.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDITORS, waitFor } from './scenarios.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SHOTS = path.resolve(here, '../../dist/store/screenshots');
const W = 1280;
const H = 800;
const EXT = '(globalThis.browser || chrome)';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** An extension page at 1280×800 with real clicks and typing and a screenshot, in either
 *  browser: {eval, click(sel), type(sel, text), shot(name), errors}. */
async function withPage(d, rel, fn) {
  fs.mkdirSync(SHOTS, { recursive: true });
  if (d.name === 'chromium') {
    const p = await d.context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    try {
      await p.setViewportSize({ width: W, height: H });
      await p.goto(`${d.extOrigin}/${rel}`);
      return await fn({
        eval: (src, ...args) => p.evaluate(`(${src})(...${JSON.stringify(args)})`),
        click: (sel) => p.click(sel),
        upload: (sel, file) => p.setInputFiles(sel, file),
        press: (key) => p.keyboard.press(key),
        dark: () => p.emulateMedia({ colorScheme: 'dark' }),
        type: async (sel, text) => {
          await p.click(sel);
          await p.keyboard.press('Control+A');
          await p.keyboard.press('Backspace');
          if (text) await p.keyboard.type(text);
        },
        shot: async (name) => {
          await p.waitForFunction(() => document.body.classList.contains('ready'), null, { timeout: 5000 });
          await p.screenshot({ path: path.join(SHOTS, `${name}-chromium.png`) });
        },
        errors,
      });
    } finally {
      await p.close();
    }
  }
  const tab = await d.openExtensionPage(rel);
  const rect = await d.cmd('GET', '/window/rect');
  try {
    // The window's size includes the browser's toolbars: size it so the page gets 1280×800.
    const chrome = await d.eval(`() => [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]`);
    await d.cmd('POST', '/window/rect', { width: W + chrome[0], height: H + chrome[1] });
    await d.eval(`() => { window.__uiErrors = []; addEventListener('error', (e) => window.__uiErrors.push(String(e.message))); addEventListener('unhandledrejection', (e) => window.__uiErrors.push(String(e.reason))); }`);
    const page = {
      eval: (src, ...args) => d.eval(src, ...args),
      // The options page's sticky section bar may cover an element at the top: center it first.
      click: async (sel) => {
        await d.eval(`(sel) => document.querySelector(sel).scrollIntoView({ block: 'center' })`, sel);
        await d.click(sel);
      },
      upload: async (sel, file) => {
        const el = await d.cmd('POST', '/element', { using: 'css selector', value: sel });
        await d.cmd('POST', `/element/${Object.values(el)[0]}/value`, { text: file });
      },
      press: (key) => d.press(key === 'Space' ? ' ' : key),
      dark: null, // no colour-scheme emulation over WebDriver
      type: async (sel, text) => {
        await page.click(sel);
        await d.eval(`(sel) => { document.querySelector(sel).select(); }`, sel);
        await d.press('Backspace');
        if (text) await d.type(text);
      },
      shot: async (name) => {
        await waitFor(d, `() => document.body.classList.contains('ready')`, Boolean, 'the page to show its state', 5000);
        const png = Buffer.from(await d.cmd('GET', '/screenshot'), 'base64');
        fs.writeFileSync(path.join(SHOTS, `${name}-firefox.png`), png);
      },
      get errors() {
        return [];
      },
    };
    const out = await fn(page);
    const errs = await d.eval(`() => window.__uiErrors || []`);
    assert(!errs.length, `errors on ${rel}: ${errs.join('; ')}`);
    return out;
  } finally {
    await d.cmd('POST', '/window/rect', { width: rect.width, height: rect.height }).catch(() => {});
    await tab.close();
  }
}

/** A PNG's size (IHDR). */
function pngSize(file) {
  const b = fs.readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

function shotIs1280x800(d, name) {
  const file = path.join(SHOTS, `${name}-${d.name}.png`);
  const size = pngSize(file);
  assert(size[0] === W && size[1] === H, `${file} is ${size.join('×')}, not ${W}×${H}`);
  return path.relative(process.cwd(), file);
}

const VISIBLE_RULES = `() => [...document.querySelectorAll('#rules li[data-rule]')].filter((li) => !li.hidden && !li.closest('.category').hidden).map((li) => li.dataset.rule)`;
/** JSON with object keys sorted (the browsers' storage doesn't keep key order). */
const canon = (v) => JSON.stringify(v, (_, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
const STORED = (keys) => `() => ${EXT}.storage.sync.get(${JSON.stringify(keys)})`;

export const UI_SCENARIOS = {
  /** The options page: a rule switch clicked off is stored and still off in a new page; search
   *  narrows the list (and says when nothing matches); category names are the core's. */
  async optionsRules(d) {
    const rule = 'blunt.dont-know';
    try {
      return await withPage(d, 'extension/options/options.html', async (page) => {
        const n = await waitFor(page, `() => document.querySelectorAll('[data-rule-toggle]').length`, (x) => x > 20, 'the rule list', 10000);
        const info = await page.eval(`(id) => {
          const li = document.querySelector('li[data-rule="' + id + '"]');
          return { lang: document.documentElement.lang, cat: li.closest('.category').querySelector('.cat-name').textContent,
            title: li.querySelector('.rule-title').textContent, desc: li.querySelector('.rule-desc').textContent,
            command: document.querySelector('[data-category="command"] .cat-name').textContent };
        }`, rule);
        assert(info.cat === '生硬拒绝' && info.command === '命令/反问/质问', `category names not the core's: ${JSON.stringify(info)}`);
        assert(info.title.length > 2 && info.desc.length > 10, `rule without title or description: ${JSON.stringify(info)}`);
        // The one-line description is the core's zh-CN summary, not the doc's English sentence.
        assert(info.desc === '直接说“不知道”会让客户觉得问题到此为止;应承诺核实后答复。', `${rule}'s description is not its summary: ${info.desc}`);
        const notZh = await page.eval(`() => [...document.querySelectorAll('#rules li[data-rule] .rule-desc')].map((x) => x.textContent).filter((x) => !/[\u4e00-\u9fff]{4}/.test(x) || x.length > 40)`);
        assert(!notZh.length, `rules whose description is not a short zh-CN summary: ${JSON.stringify(notZh)}`);
        await page.shot('options');
        await page.click(`[data-rule-toggle="${rule}"]`);
        await waitFor(page, STORED(['disabledRules']), (x) => (x.disabledRules || []).includes(rule), 'the rule switched off to be stored', 5000);
        // Search: a category name, then a rule id fragment, then nothing.
        await page.type('#rule-search', '推诿');
        const hits = await page.eval(VISIBLE_RULES);
        assert(hits.length > 0 && hits.length < n && hits.every((id) => id.startsWith('buck-passing.')), `search 推诿 shows ${JSON.stringify(hits)}`);
        await page.type('#rule-search', 'dont-know');
        const one = await page.eval(VISIBLE_RULES);
        assert(one.length === 1 && one[0] === rule, `search dont-know shows ${JSON.stringify(one)}`);
        // Keyboard: Tab from the search box reaches the first category's switch; Space flips it.
        await page.type('#rule-search', '');
        await page.press('Tab');
        const focused = await page.eval(`() => document.activeElement && document.activeElement.dataset.categoryToggle`);
        assert(focused === 'greeting', `Tab from the search box focused ${focused}`);
        await page.press('Space');
        await waitFor(page, STORED(['disabledCategories']), (x) => (x.disabledCategories || []).includes('greeting'), 'Space to switch the category off', 5000);
        await page.press('Space');
        await waitFor(page, STORED(['disabledCategories']), (x) => !(x.disabledCategories || []).includes('greeting'), 'Space to switch it on again', 5000);
        if (page.dark) {
          await page.dark();
          const bg = await page.eval(`() => getComputedStyle(document.body).backgroundColor`);
          assert(/rgb\((\d|[1-4]\d),/.test(bg), `dark mode background ${bg}`);
          await page.shot('options-dark');
        }
        await page.type('#rule-search', 'zzzz');
        const none = await page.eval(`() => [document.querySelectorAll('#rules li[data-rule]:not([hidden])').length, document.getElementById('rules-empty').hidden, document.getElementById('rules-empty').textContent]`);
        assert(none[0] === 0 && none[1] === false && none[2].includes('zzzz'), `search zzzz: ${JSON.stringify(none)}`);
        assert(!page.errors.length, `errors: ${page.errors.join('; ')}`);
        return `${n} rules, ${info.lang}; ${shotIs1280x800(d, 'options')}`;
      }).then(async (note) => {
        // A new page shows the stored state.
        const off = await withPage(d, 'extension/options/options.html', async (page) => {
          await waitFor(page, `() => document.querySelectorAll('[data-rule-toggle]').length`, (x) => x > 20, 'the rule list', 10000);
          return page.eval(`(id) => document.querySelector('[data-rule-toggle="' + id + '"]').checked`, rule);
        });
        assert(off === false, 'the rule switched off is on again in a new options page');
        return note;
      });
    } finally {
      await d.inExtension(`() => ${EXT}.storage.sync.set({ disabledRules: [] })`);
    }
  },

  /** Team packs, in two steps: a bad file that would replace a stored pack leaves it exactly
   *  as it was and says why (the core's reason); a good one is checked and previewed (each
   *  rule's category, pattern, message, severity; what it replaces) with 导入 focused and 取消:
   *  取消 (and Escape) store nothing, 导入 (Enter) stores it, and its rule joins the rule list
   *  with its message as the summary. */
  async optionsPack(d) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-ui-pack-'));
    const file = (name, value) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
      return p;
    };
    const stored = { name: '售后组', rules: [{ id: 'no-hehe', pattern: '呵呵', category: 'impatience', severity: 'warning', message: '“呵呵”容易被理解为嘲讽', suggestions: ['好的'] }] };
    const bad = { name: '售后组', rules: [{ id: 'broken', pattern: '(呵呵', category: 'impatience', severity: 'warning', message: 'x', suggestions: [] }] };
    const good = { name: '大促组', rules: [{ id: 'no-pressure', pattern: '赶紧下单', category: 'pressure', severity: 'hint', message: '别催客户下单', suggestions: ['欢迎选购'] }] };
    const replacing = { name: '售后组', rules: [{ id: 'no-en', pattern: '嗯嗯嗯', category: 'impatience', severity: 'hint', message: '连着“嗯”显得敷衍', suggestions: ['好的'] }] };
    const STATUS = `() => { const s = document.getElementById('pack-status'); return s && s.textContent ? { cls: s.className, text: s.textContent, preview: !document.getElementById('pack-preview').hidden } : null; }`;
    const PREVIEW = `() => {
      const p = document.getElementById('pack-preview');
      if (p.hidden) return null;
      return { title: (p.querySelector('h3') || {}).textContent,
        rules: [...p.querySelectorAll(':scope > .pack-rules > [data-pack-rule]')].map((li) => ({ id: li.dataset.packRule, text: li.textContent, pattern: (li.querySelector('[data-pattern]') || {}).textContent, severity: li.querySelector('.tag').className })),
        replaces: (p.querySelector('[data-replaces]') || {}).dataset?.replaces || null,
        focused: document.activeElement && document.activeElement.dataset.confirm,
        buttons: [...p.querySelectorAll('[data-confirm]')].map((b) => b.textContent) };
    }`;
    const PACKS = `() => ${EXT}.storage.local.get('packs').then((x) => x.packs || [])`;
    const clear = `() => { document.getElementById('pack-status').textContent = ''; }`;
    try {
      await d.inExtension(`(p) => ${EXT}.storage.local.set({ packs: [p] })`, stored);
      return await withPage(d, 'extension/options/options.html', async (page) => {
        await waitFor(page, `() => document.querySelectorAll('[data-pack]').length`, (x) => x === 1, 'the stored pack listed', 10000);
        // A bad file: refused with the core's reason, no preview, nothing stored.
        await page.upload('#pack-file', file('bad.json', bad));
        const st = await waitFor(page, STATUS, Boolean, 'a verdict on the bad pack', 8000);
        assert(st.cls === 'error' && !st.preview, `bad pack: ${JSON.stringify(st)}`);
        assert(/[\u4e00-\u9fff]/.test(st.text) && st.text.length > 12, `the refusal says too little: ${st.text}`);
        let after = await page.eval(PACKS);
        assert(canon(after) === canon([stored]), `the bad pack changed the stored packs: ${JSON.stringify(after)}`);
        // A good file: checked, then previewed with 导入 focused; 取消 stores nothing.
        await page.eval(clear);
        await page.upload('#pack-file', file('good.json', good));
        const pre = await waitFor(page, PREVIEW, Boolean, 'the preview of the good pack', 8000);
        assert(pre.rules.length === 1 && pre.rules[0].id === 'pressure.no-pressure' && pre.rules[0].text.includes('别催客户下单'), `preview: ${JSON.stringify(pre)}`);
        assert(pre.rules[0].pattern === '赶紧下单' && /\bhint\b/.test(pre.rules[0].severity) && pre.rules[0].text.includes('催促'), `preview lacks pattern, severity or category: ${JSON.stringify(pre)}`);
        assert(pre.title.includes('大促组') && pre.replaces === null && pre.buttons.join() === '导入,取消' && pre.focused === 'import', `preview: ${JSON.stringify(pre)}`);
        const pending = await page.eval(STATUS);
        assert(pending && pending.cls === 'pending', `status before 导入: ${JSON.stringify(pending)}`);
        assert(canon(await page.eval(PACKS)) === canon([stored]), 'the pack was stored before 导入');
        await page.click('#pack-preview [data-confirm="cancel"]');
        await waitFor(page, `() => document.getElementById('pack-preview').hidden`, Boolean, '取消 to close the preview', 3000);
        await sleep(300);
        after = await page.eval(PACKS);
        assert(canon(after) === canon([stored]), `取消 stored something: ${JSON.stringify(after)}`);
        const cancelled = await page.eval(STATUS);
        assert(cancelled && cancelled.cls === '' && /取消/.test(cancelled.text), `status after 取消: ${JSON.stringify(cancelled)}`);
        // Again, and 导入 from the keyboard (Enter on the focused button).
        await page.upload('#pack-file', file('good.json', good));
        await waitFor(page, PREVIEW, (x) => x && x.focused === 'import', 'the preview with 导入 focused', 8000);
        await page.press('Enter');
        const ok = await waitFor(page, STATUS, (x) => x && x.cls !== 'pending', 'a verdict after 导入', 8000);
        assert(ok.cls === 'ok' && !ok.preview, `good pack: ${JSON.stringify(ok)}`);
        const names = (await page.eval(PACKS)).map((p) => p.name);
        assert(names.join() === '售后组,大促组', `stored packs: ${names}`);
        const listed = await waitFor(page, `() => { const li = document.querySelector('li[data-rule="pressure.no-pressure"]'); return li && li.querySelector('.rule-desc').textContent; }`, Boolean, 'the pack rule in the rule list', 5000);
        assert(listed === '别催客户下单', `the pack rule's summary: ${listed}`);
        // A file replacing the stored pack of that name: the preview says so; Escape cancels.
        await page.upload('#pack-file', file('replace.json', replacing));
        const rep = await waitFor(page, PREVIEW, Boolean, 'the preview of the replacing pack', 8000);
        assert(rep.replaces === '售后组' && rep.rules.length === 1 && rep.rules[0].id === 'impatience.no-en', `replacing preview: ${JSON.stringify(rep)}`);
        await page.eval(`() => { document.documentElement.style.scrollBehavior = 'auto'; document.getElementById('packs-section').scrollIntoView(); }`);
        await page.shot('options-pack');
        await page.press('Escape');
        await waitFor(page, `() => document.getElementById('pack-preview').hidden`, Boolean, 'Escape to close the preview', 3000);
        await sleep(300);
        const kept = await page.eval(PACKS);
        assert(kept.map((p) => p.name).join() === '售后组,大促组' && canon(kept[0]) === canon(stored), `Escape changed the packs: ${JSON.stringify(kept)}`);
        return `${st.text} | ${ok.text}; ${shotIs1280x800(d, 'options-pack')}`;
      });
    } finally {
      await d.inExtension(`() => ${EXT}.storage.local.remove('packs')`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },

  /** The team phrasebook: a bad file is refused with the core's reason (entry and field) and
   *  nothing is stored; the review page's proposal file is previewed by situation and stored
   *  only on 导入 (取消 first stores nothing); the season is stored; then, on a page with the
   *  extension, a check of a late-parcel complaint carries the team's template (the content
   *  script's status: situation and template ids of its last report). */
  async optionsPhrasebook(d, origin) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-ui-book-'));
    const file = (name, value) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
      return p;
    };
    // The shape the review exports (proposals.phrasebook: name and entries, variant only when set).
    const book = { name: '售后组话术', entries: [
      { id: 'late-team', situation: 'late', text: '非常抱歉让您久等了!我马上联系快递核实,今天18点前给您答复。' },
      { id: 'late-team-promo', situation: 'late', variant: 'promo', text: '大促期间包裹较多,非常抱歉让您久等!我这就帮您催件,【预计时间】前给您回复。' },
      { id: 'invoice-team', situation: 'invoice', text: '您好,发票会在确认收货后【1-3个工作日】开具,发到您的邮箱。' },
    ] };
    const bad = { name: '坏话术', entries: [{ id: 'ok', situation: 'late', text: '好的' }, { id: 'lost', situation: 'lost', text: '丢件了' }] };
    const STATUS = `() => { const s = document.getElementById('phrasebook-status'); return s && s.textContent ? { cls: s.className, text: s.textContent, preview: !document.getElementById('phrasebook-preview').hidden } : null; }`;
    const PREVIEW = `() => {
      const p = document.getElementById('phrasebook-preview');
      if (p.hidden) return null;
      return { title: p.querySelector('h3').textContent,
        situations: [...p.querySelectorAll('dt[data-situation]')].map((x) => [x.dataset.situation, x.textContent]),
        entries: [...p.querySelectorAll('dd[data-entry]')].map((x) => [x.dataset.entry, x.textContent]),
        focused: document.activeElement && document.activeElement.dataset.confirm };
    }`;
    const BOOK = `() => ${EXT}.storage.local.get('phrasebook').then((x) => x.phrasebook || null)`;
    try {
      await d.inExtension(`() => Promise.all([${EXT}.storage.local.remove('phrasebook'), ${EXT}.storage.sync.set({ season: '' })])`);
      const note = await withPage(d, 'extension/options/options.html', async (page) => {
        await waitFor(page, `() => !!document.querySelector('[data-phrasebook-none]')`, Boolean, 'the phrasebook section', 10000);
        // Bad: the core names the entry and the field; nothing stored, no preview.
        await page.upload('#phrasebook-file', file('bad.json', bad));
        const st = await waitFor(page, STATUS, Boolean, 'a verdict on the bad phrasebook', 8000);
        assert(st.cls === 'error' && !st.preview && st.text.includes('第 2 条') && st.text.includes('situation') && st.text.includes('lost'), `bad phrasebook: ${JSON.stringify(st)}`);
        assert((await page.eval(BOOK)) === null, 'the bad phrasebook was stored');
        // Good: previewed by situation; 取消 stores nothing.
        await page.upload('#phrasebook-file', file('proposals-phrasebook.json', book));
        const pre = await waitFor(page, PREVIEW, Boolean, 'the phrasebook preview', 8000);
        assert(pre.title.includes('售后组话术') && pre.focused === 'import', `preview: ${JSON.stringify(pre)}`);
        assert(pre.situations.map((x) => x[0]).join() === 'late,invoice' && pre.situations[0][1].includes('物流延迟') && pre.situations[1][1].includes('发票'), `situations: ${JSON.stringify(pre.situations)}`);
        assert(pre.entries.length === 3 && pre.entries.every(([id, text], i) => id === book.entries[i].id && text.includes(book.entries[i].text)) && pre.entries[1][1].includes('大促'), `entries: ${JSON.stringify(pre.entries)}`);
        assert((await page.eval(BOOK)) === null, 'stored before 导入');
        await page.click('#phrasebook-preview [data-confirm="cancel"]');
        await waitFor(page, `() => document.getElementById('phrasebook-preview').hidden`, Boolean, '取消 to close the preview', 3000);
        await sleep(300);
        assert((await page.eval(BOOK)) === null, '取消 stored the phrasebook');
        // Again, and 导入: stored as it was in the file, listed with 删除.
        await page.upload('#phrasebook-file', file('proposals-phrasebook.json', book));
        await waitFor(page, PREVIEW, (x) => x && x.focused === 'import', 'the preview again', 8000);
        await page.eval(`() => { document.documentElement.style.scrollBehavior = 'auto'; document.getElementById('phrasebook-section').scrollIntoView(); }`);
        await page.shot('options-phrasebook');
        await page.click('#phrasebook-preview [data-confirm="import"]');
        const ok = await waitFor(page, STATUS, (x) => x && x.cls !== 'pending', 'a verdict after 导入', 8000);
        assert(ok.cls === 'ok' && !ok.preview, `import: ${JSON.stringify(ok)}`);
        const saved = await page.eval(BOOK);
        assert(canon(saved) === canon(book), `stored phrasebook: ${JSON.stringify(saved)}`);
        const listed = await page.eval(`() => { const li = document.querySelector('[data-phrasebook]'); return li && [li.dataset.phrasebook, !!li.querySelector('[data-phrasebook-remove]')]; }`);
        assert(listed && listed[0] === '售后组话术' && listed[1], `stored phrasebook listed: ${JSON.stringify(listed)}`);
        // The season: 大促 stored in settings.
        const opts = await page.eval(`() => [...document.getElementById('season').options].map((o) => o.value + ':' + o.textContent)`);
        assert(opts.length === 3 && opts[0].startsWith(':平时') && opts[1].startsWith('promo:') && opts[2].startsWith('peak:'), `season options: ${opts}`);
        await page.eval(`() => { const s = document.getElementById('season'); s.value = 'promo'; s.dispatchEvent(new Event('change')); }`);
        await waitFor(page, STORED(['season']), (x) => x.season === 'promo', 'the season to be stored', 5000);
        return `${st.text} | ${ok.text}; ${shotIs1280x800(d, 'options-phrasebook')}`;
      });
      // A check on a page with the extension: a late parcel → the team's template, the
      // season's one first.
      const fx = EDITORS[0];
      await d.goto(origin + fx.url);
      await waitFor(d, `() => document.readyState === 'complete' && !!document.getElementById('editor')`, Boolean, 'the page');
      await d.eval(`() => { document.querySelector('[data-kefu-role="customer"]').textContent = '快递一周了还没到,怎么回事'; }`);
      await d.click('#editor');
      await d.type('亲,这边帮您查一下。');
      const TAB_STATUS = `async () => {
        for (const t of await ${EXT}.tabs.query({})) {
          try { const r = await ${EXT}.tabs.sendMessage(t.id, { type: 'kefu:status' }); if (r && r.host === '127.0.0.1' && r.editors) return r; } catch (_) {}
        }
        return null;
      }`;
      let seen = null;
      const deadline = Date.now() + 10000;
      while (Date.now() < deadline) {
        seen = await d.inExtension(TAB_STATUS);
        if (seen && seen.situation === 'late' && (seen.templates || []).length) break;
        await sleep(200);
      }
      assert(seen && 'templates' in seen, `the content script reports no templates: ${JSON.stringify(seen)}`);
      assert(seen.phrasebook === '售后组话术' && seen.season === 'promo' && seen.situation === 'late', `status: ${JSON.stringify(seen)}`);
      assert(seen.templates.join() === 'late-team-promo,late-team', `the report's templates are not the team's, season first: ${JSON.stringify(seen.templates)}`);
      return `${note}; report: ${seen.situation} → ${seen.templates.join(', ')}`;
    } finally {
      await d.inExtension(`() => Promise.all([${EXT}.storage.local.remove('phrasebook'), ${EXT}.storage.sync.set({ season: '' })])`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },

  /** The popup for a page: its host, what was detected, the site switch (the coach leaves the
   *  page; the button turns grey: its title says off), the platform corrected for this site
   *  (stored in sitePlatforms, shown again when the popup reopens), and the finding count on
   *  the button's badge. */
  async popupSite(d, origin) {
    const fx = EDITORS[0];
    await d.goto(origin + fx.url);
    await waitFor(d, `() => document.readyState === 'complete' && !!document.getElementById('editor')`, Boolean, 'the page');
    await d.click('#editor');
    await d.type('这个我不知道');
    const count = await waitFor(d, `() => { const h = document.querySelector('kefu-coach'); const b = h && h.shadowRoot.querySelector('[data-kefu-badge]'); return b && b.dataset.count ? Number(b.dataset.count) : 0; }`, (n) => n > 0, 'findings on the page', 15000);
    const TAB = `async () => {
      for (const t of await ${EXT}.tabs.query({})) {
        try { const r = await ${EXT}.tabs.sendMessage(t.id, { type: 'kefu:status' }); if (r && r.host === '127.0.0.1') return { id: t.id, status: r }; } catch (_) {}
      }
      return null;
    }`;
    const tab = await d.inExtension(TAB);
    assert(tab, 'no tab answered kefu:status');
    const badge = await d.inExtension(`(id) => ${EXT}.action.getBadgeText({ tabId: id })`, tab.id);
    assert(badge === String(count), `badge ${JSON.stringify(badge)}, the page shows ${count} findings`);
    const rel = `extension/popup/popup.html?tab=${tab.id}`;
    const rich = 'platformSource' in tab.status; // the content script reports what it detected
    try {
      const note = await withPage(d, rel, async (page) => {
        const site = await waitFor(page, `() => !document.getElementById('site-on').disabled && document.getElementById('site').textContent`, Boolean, 'the popup to read the page', 5000);
        assert(site === '127.0.0.1', `popup shows site ${site}`);
        const detected = await page.eval(`() => document.getElementById('detected').textContent`);
        if (rich) assert(detected.length > 2, `nothing detected shown: ${JSON.stringify([detected, tab.status])}`);
        await page.eval(`() => { const s = document.documentElement.style; s.background = '#e9ebf0'; document.body.style.margin = '80px auto'; document.body.style.boxShadow = '0 8px 28px rgba(16,24,40,.18)'; document.body.style.borderRadius = '10px'; document.body.style.background = 'var(--bg)'; }`);
        await page.shot('popup');
        await page.eval(`() => { document.documentElement.removeAttribute('style'); document.body.removeAttribute('style'); }`);
        // Switch the site off with a real click: stored, the button turns grey.
        await page.click('#site-on');
        await waitFor(page, STORED(['disabledSites']), (x) => (x.disabledSites || []).includes('127.0.0.1'), 'the site switched off to be stored', 5000);
        await waitFor(page, `() => document.getElementById('off-hint').hidden === false`, Boolean, 'the popup to say the site is off', 3000);
        const title = await waitFor(page, `(id) => ${EXT}.action.getTitle({ tabId: id })`, (x) => /关闭|off/.test(x), 'the button to show off', 5000, tab.id);
        await page.click('#site-on');
        await waitFor(page, STORED(['disabledSites']), (x) => !(x.disabledSites || []).includes('127.0.0.1'), 'the site switched on again', 5000);
        // Correct the platform for this site.
        await page.eval(`() => { const s = document.getElementById('platform'); s.value = 'jd'; s.dispatchEvent(new Event('change')); }`);
        const sp = await waitFor(page, STORED(['sitePlatforms']), (x) => x.sitePlatforms && x.sitePlatforms['127.0.0.1'] === 'jd', 'sitePlatforms to hold jd', 5000);
        return `${detected || '(no detection reported)'}; off title: ${title}; ${JSON.stringify(sp.sitePlatforms)}`;
      });
      // The page saw the switch off and on: the coach left and may come back on focus.
      const again = await withPage(d, rel, async (page) => {
        await waitFor(page, `() => !document.getElementById('platform').disabled`, Boolean, 'the popup', 5000);
        const v = await page.eval(`() => [document.getElementById('platform').value, document.getElementById('detected').textContent]`);
        assert(v[0] === 'jd', `popup reopened shows platform ${v[0]}`);
        if (rich) assert(v[1].includes('京东'), `detected after the correction: ${v[1]}`);
        return v[1];
      });
      if (rich) {
        const st = (await d.inExtension(TAB)).status;
        assert(st.platform === 'jd' && st.platformSource === 'site', `the page did not take the correction: ${JSON.stringify(st)}`);
      }
      return `${note}; reopened: ${again}; ${shotIs1280x800(d, 'popup')}${rich ? '' : ' (content script reports host only)'}`;
    } finally {
      await d.inExtension(`() => ${EXT}.storage.sync.set({ disabledSites: [], sitePlatforms: {} })`);
    }
  },
};

/** The main tab at 1280×800 for `fn`, with a screenshot function; restored after. */
async function mainTab1280(d, fn) {
  fs.mkdirSync(SHOTS, { recursive: true });
  if (d.name === 'chromium') {
    const before = d.page.viewportSize();
    await d.page.setViewportSize({ width: W, height: H });
    try {
      return await fn({
        shot: (name) => d.page.screenshot({ path: path.join(SHOTS, `${name}-chromium.png`) }),
        upload: (sel, file) => d.page.setInputFiles(sel, file),
      });
    } finally {
      await d.page.setViewportSize(before);
    }
  }
  const rect = await d.cmd('GET', '/window/rect');
  try {
    const chrome = await d.eval(`() => [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]`);
    await d.cmd('POST', '/window/rect', { width: W + chrome[0], height: H + chrome[1] });
    return await fn({
      shot: async (name) => fs.writeFileSync(path.join(SHOTS, `${name}-firefox.png`), Buffer.from(await d.cmd('GET', '/screenshot'), 'base64')),
      upload: async (sel, file) => {
        const el = await d.cmd('POST', '/element', { using: 'css selector', value: sel });
        await d.cmd('POST', `/element/${Object.values(el)[0]}/value`, { text: file });
      },
    });
  } finally {
    await d.cmd('POST', '/window/rect', { width: rect.width, height: rect.height }).catch(() => {});
  }
}

/** The store listing's screenshots of real pages (store/README.md): the trainer console with
 *  findings, a suggestion card under the caret, the phrasebook's templates for the customer's
 *  situation (Alt+K), the review report of a chat log. Each is
 *  checked to show what it should before it is taken. */
UI_SCENARIOS.storePages = async (d, origin) => {
  const repo = path.resolve(here, '../..');
  return mainTab1280(d, async (tab) => {
    await d.goto(`${origin}/www/demo/index.html`);
    await waitFor(d, `() => !document.getElementById('console').hidden && !document.getElementById('btn-bad').hidden`, Boolean, 'the trainer console', 15000);
    await d.click('#btn-clear');
    await d.click('#draft');
    await d.type('不知道,你自己去问快递吧。');
    const FINDINGS = `() => { const h = [...document.querySelectorAll('kefu-coach')].map((x) => x.shadowRoot).find((r) => r && r.querySelector('[data-kefu-finding]')); return h ? [...h.querySelectorAll('[data-kefu-finding]')].map((f) => [f.dataset.rule, Number(f.dataset.start), Number(f.dataset.end)]) : []; }`;
    const found = await waitFor(d, FINDINGS, (x) => x.length >= 2, 'findings in the trainer console', 15000);
    await waitFor(d, `() => document.querySelectorAll('#findings > li').length`, (n) => n >= 2, 'the coach panel to list them', 5000);
    await tab.shot('store-1-console');
    // The card: the caret moved into the first finding by real keys.
    const words = found.filter((f) => f[2] - f[1] >= 2);
    assert(words.length, `no finding over two characters or more: ${JSON.stringify(found)}`);
    const start = words[0][1];
    await d.eval(`(at) => { const t = document.getElementById('draft'); t.focus(); t.setSelectionRange(at, at); }`, start);
    await d.press('ArrowRight');
    const CARD = `() => { for (const h of document.querySelectorAll('kefu-coach')) { const c = h.shadowRoot && h.shadowRoot.querySelector('[data-kefu-card]'); if (c && c.offsetParent !== null) return c.dataset.rule; } return null; }`;
    const card = await waitFor(d, CARD, Boolean, 'a suggestion card under the caret', 5000);
    await tab.shot('store-2-card');
    // The phrasebook in the chat box: an empty draft, Alt+K picks the first template.
    await d.click('#btn-clear');
    await d.click('#draft');
    const PICKED = `() => { for (const h of document.querySelectorAll('kefu-coach')) { const r = h.shadowRoot; const t = r && r.querySelector('[data-kefu-template][aria-selected="true"]'); if (t && t.offsetParent !== null) return t.dataset.kefuTemplate; } return null; }`;
    await waitFor(d, `() => [...document.querySelectorAll('kefu-coach')].some((h) => h.shadowRoot && Number((h.shadowRoot.querySelector('[data-kefu-badge]') || { dataset: {} }).dataset.templates) > 0)`, Boolean, 'templates for the scenario', 5000);
    await d.press('Alt+k');
    const picked = await waitFor(d, PICKED, Boolean, 'a template picked with Alt+K', 5000);
    await tab.shot('store-5-templates');
    // The review report of a small chat log.
    await d.goto(`${origin}/www/review/index.html`);
    await waitFor(d, `() => document.readyState === 'complete' && !!document.getElementById('file')`, Boolean, 'the review page', 10000);
    await tab.upload('#file', path.join(repo, 'tests/fixtures/review/quoted.csv'));
    await waitFor(d, `() => !document.getElementById('result').hidden`, Boolean, 'the review report', 20000);
    await d.eval(`() => document.getElementById('result').scrollIntoView()`);
    await sleep(300);
    await tab.shot('store-4-review');
    const shots = ['store-1-console', 'store-2-card', 'store-5-templates', 'store-4-review'].map((n) => shotIs1280x800(d, n));
    return `${found.length} findings, card ${card}, template ${picked}; ${shots.join(', ')}`;
  });
};

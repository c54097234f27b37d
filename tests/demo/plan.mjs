// The demo site's browser test plan, written once against a small driver interface so that
// Chromium (playwright-core) and Firefox (WebDriver) run exactly the same checks:
//
//   driver.goto(url)               navigate and wait for the load event
//   driver.run(fnSource, args)     run an async function in the page, return its (JSON) value
//   driver.click(css)              a real click on the first match
//   driver.type(css, text)         real key input into the first match
//   driver.resize(width, height)   the viewport (or window) size
//   driver.errors()                console errors and failed loads seen so far
//
// Each check records a pass or a failure with a message; run() returns the list.

const READY = `async (sel, ms) => {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (document.querySelector(sel)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}`;

/** Poll `fnSource(...args)` in the page until it returns a truthy value (returned) or time out. */
async function waitFor(driver, fnSource, args = [], ms = 5000) {
  const src = `async (...args) => {
    const fn = (${fnSource});
    const t0 = Date.now();
    let v;
    while (Date.now() - t0 < ${ms}) {
      v = await fn(...args);
      if (v) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
    return v || null;
  }`;
  return driver.run(src, args);
}

async function ready(driver, url) {
  await driver.goto(url);
  const ok = await driver.run(READY, ['body[data-ready="true"]', 15000]);
  if (!ok) throw new Error(`${url} did not become ready within 15 s (body[data-ready] missing)`);
}

/** Set the composer's text from the page (a scenario reset, not a keystroke). */
const CLEAR_DRAFT = `() => {
  const t = document.getElementById('draft');
  t.value = '';
  t.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}`;

/** The state the page shows for the current draft. */
const PANEL = `() => {
  const list = document.getElementById('findings');
  const host = document.querySelector('kefu-coach');
  const shadow = host && host.shadowRoot;
  const badge = shadow && shadow.querySelector('[data-kefu-badge]');
  return {
    draft: document.getElementById('draft').value,
    score: list.dataset.score === '' ? null : Number(list.dataset.score),
    gauge: document.querySelector('#gauge svg') && document.querySelector('#gauge svg').getAttribute('data-score'),
    rules: [...list.querySelectorAll('[data-finding-rule]')].map((e) => e.dataset.findingRule),
    annotated: shadow ? [...shadow.querySelectorAll('[data-kefu-finding]')].map((e) => e.dataset.rule) : null,
    badgeCount: badge ? badge.dataset.count : null,
    badgeScore: badge ? badge.dataset.score : null,
  };
}`;

export async function run(driver, base, { phone = true } = {}) {
  const results = [];
  const check = async (name, fn) => {
    try {
      const note = await fn();
      results.push({ name, ok: true, note: note || '' });
    } catch (e) {
      results.push({ name, ok: false, note: e && e.message ? e.message : String(e) });
    }
  };
  const assert = (cond, msg) => {
    if (!cond) throw new Error(msg);
  };
  const url = (p) => new URL(p, base).href;

  await check('landing page links to demo, practice, rules, review and bench', async () => {
    await driver.goto(url(''));
    const hrefs = await driver.run(`() => [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))`);
    for (const h of ['demo/', 'demo/#practice', 'rules/', 'review/', 'bench/']) assert(hrefs.includes(h), `no link to ${h}: ${hrefs}`);
    return `${hrefs.length} links`;
  });

  let scenarios = [];
  await check('demo console loads with the shared annotator attached', async () => {
    await ready(driver, url('demo/'));
    const info = await driver.run(`async () => {
      const m = await import(new URL('scenarios.js', location.href).href);
      const host = document.querySelector('kefu-coach');
      return {
        scenarios: m.SCENARIOS.map((s) => ({
          id: s.id, title: s.title, model: s.model, bad: s.bad,
          customer: s.history.filter((x) => x.role === 'customer').map((x) => x.text === '[图片]' ? '图片' : x.text),
          product: s.order.product,
        })),
        listed: [...document.querySelectorAll('#conv-list [data-scenario-id]')].map((e) => e.dataset.scenarioId),
        platform: document.body.dataset.kefuPlatform,
        host: !!host, shadow: !!(host && host.shadowRoot),
      };
    }`);
    scenarios = info.scenarios;
    assert(info.host && info.shadow, 'no <kefu-coach> element with an open shadow root: the annotator is not attached');
    assert(info.platform === 'taobao', `body data-kefu-platform is ${info.platform}`);
    assert(scenarios.length >= 10, `only ${scenarios.length} scenarios`);
    assert(JSON.stringify(info.listed) === JSON.stringify(scenarios.map((s) => s.id)), `conversation list ${info.listed} != scenarios`);
    return `${scenarios.length} scenarios`;
  });

  for (const s of scenarios) {
    await check(`scenario ${s.id} loads; its model reply gets no warning or error`, async () => {
      await driver.click(`.conv[data-scenario-id="${s.id}"]`);
      const shown = await waitFor(
        driver,
        `(title) => document.getElementById('chat-title').textContent === title && {
          bubbles: [...document.querySelectorAll('#messages [data-kefu-role="customer"]')].map((e) => e.textContent),
          agent: document.querySelectorAll('#messages [data-kefu-role="agent"]').length,
          order: document.querySelector('#order .order-name').textContent,
          current: document.querySelector('.conv[aria-current="true"]').dataset.scenarioId,
        }`,
        [s.title],
      );
      assert(shown, `chat title never became ${s.title}`);
      assert(JSON.stringify(shown.bubbles) === JSON.stringify(s.customer), `customer bubbles ${JSON.stringify(shown.bubbles)}`);
      assert(shown.order === s.product, `order card shows ${shown.order}`);
      assert(shown.current === s.id, `list highlights ${shown.current}`);
      await driver.click('#btn-model');
      const model = await waitFor(
        driver,
        `() => { const r = document.querySelector('#model-box [data-model-loud]');
          return r && { loud: Number(r.dataset.modelLoud), rules: r.dataset.modelRules, score: Number(r.dataset.modelScore),
                        text: document.querySelector('#model-box [data-model-reply]').textContent }; }`,
      );
      assert(model, 'model reply did not appear');
      assert(model.text === s.model, 'model box shows another text');
      assert(model.loud === 0, `model reply flagged: ${model.rules} (score ${model.score})`);
      await driver.click('#btn-model');
      return `model score ${model.score}${model.rules ? ` (hints: ${model.rules})` : ''}`;
    });
  }

  await check('every model reply is clean (no warning or error) on every platform', async () => {
    const out = await driver.run(`async (list) => {
      const pkg = await import(new URL('../pkg/kefu_coach.js', location.href).href);
      await pkg.default();
      const { scenarioById, chatContext, modelReply } = await import(new URL('scenarios.js', location.href).href);
      const coach = new pkg.Coach({ platform: 'taobao' });
      const loud = [];
      let n = 0;
      for (const id of list) {
        const s = scenarioById(id);
        for (const platform of ['taobao', 'jd', 'pdd', 'douyin', 'generic']) {
          const draft = modelReply(s, platform);
          const r = coach.check({ draft, ...chatContext(s), platform });
          n += 1;
          const bad = r.findings.filter((f) => f.severity !== 'hint').map((f) => f.rule + '[' + draft.slice(f.start, f.end) + ']');
          if (bad.length) loud.push(id + '@' + platform + ': ' + bad.join(' '));
        }
      }
      return { n, loud };
    }`, [scenarios.map((s) => s.id)]);
    assert(!out.loud.length, `flagged model replies:\n${out.loud.join('\n')}`);
    return `${out.n} replies checked`;
  });

  await check('each scenario’s “反例” gets at least one finding', async () => {
    const out = await driver.run(`async (list) => {
      const pkg = await import(new URL('../pkg/kefu_coach.js', location.href).href);
      await pkg.default(); // a WebDriver script may get its own module instance (Firefox)
      const { Coach } = pkg;
      const { scenarioById, chatContext } = await import(new URL('scenarios.js', location.href).href);
      const coach = new Coach({ platform: 'taobao' });
      return list.map((id) => {
        const s = scenarioById(id);
        const r = coach.check({ draft: s.bad, ...chatContext(s), platform: 'taobao' });
        return { id, n: r.findings.length, rules: r.findings.map((f) => f.rule) };
      });
    }`, [scenarios.map((s) => s.id)]);
    const silent = out.filter((x) => x.n === 0).map((x) => x.id);
    assert(!silent.length, `no finding on the bad reply of: ${silent.join(', ')}`);
    return out.map((x) => `${x.id}:${x.n}`).join(' ');
  });

  let typed = null;
  await check('typing a blunt reply shows findings in the panel and the annotator', async () => {
    await driver.click('.conv[data-scenario-id="first-greeting"]');
    await waitFor(driver, `() => document.getElementById('chat-title').textContent === '首次问候'`);
    await driver.run(CLEAR_DRAFT);
    await driver.type('#draft', '不知道,你自己看详情页');
    typed = await waitFor(
      driver,
      `(src) => { const p = (${PANEL})(); return p.draft === '不知道,你自己看详情页' && p.rules.includes('blunt.dont-know') && p.annotated && p.annotated.includes('blunt.dont-know') && p; }`,
      [PANEL],
    );
    assert(typed, `no blunt.dont-know finding after typing: ${JSON.stringify(await driver.run(PANEL))}`);
    assert(typed.score < 100 && String(typed.score) === typed.gauge, `score ${typed.score}, gauge ${typed.gauge}`);
    assert(Number(typed.badgeCount) >= 1, `annotator badge count ${typed.badgeCount}`);
    return `score ${typed.score}, findings ${typed.rules.join(' ')}`;
  });

  await check('applying a fix from the panel changes the text and the score', async () => {
    assert(typed, 'needs the typing step');
    await driver.click('.finding[data-finding-rule="blunt.dont-know"] .fix');
    const after = await waitFor(
      driver,
      `(before) => { const p = (${PANEL})(); return !p.draft.includes('不知道') && p.score !== null && p.score !== before && !p.rules.includes('blunt.dont-know') && p; }`,
      [typed.score],
    );
    assert(after, `after the fix: ${JSON.stringify(await driver.run(PANEL))}`);
    return `“${after.draft}” score ${typed.score} → ${after.score}`;
  });

  await check('applying a fix from the annotator’s card changes the text and the score', async () => {
    await driver.run(CLEAR_DRAFT);
    await driver.type('#draft', '这个我也不知道。');
    const before = await waitFor(
      driver,
      `() => { const p = (${PANEL})(); return p.draft === '这个我也不知道。' && p.annotated && p.annotated.includes('blunt.dont-know') && p; }`,
    );
    assert(before, 'the annotator did not flag 不知道');
    const clicked = await driver.run(`() => {
      const root = document.querySelector('kefu-coach').shadowRoot;
      const f = root.querySelector('[data-kefu-finding][data-rule="blunt.dont-know"]');
      const b = f && f.querySelector('[data-kefu-apply]');
      if (!b) return false;
      b.click();
      return true;
    }`);
    assert(clicked, 'no [data-kefu-apply] button in the annotator for blunt.dont-know');
    const after = await waitFor(
      driver,
      `(score) => { const p = (${PANEL})(); return !p.draft.includes('不知道') && p.score !== score && p; }`,
      [before.score],
    );
    assert(after, `after the annotator's fix: ${JSON.stringify(await driver.run(PANEL))}`);
    return `“${after.draft}” score ${before.score} → ${after.score}`;
  });

  await check('sending a reply adds an agent bubble with its score', async () => {
    await driver.run(CLEAR_DRAFT);
    const reply = scenarios.find((s) => s.id === 'first-greeting').model;
    await driver.type('#draft', reply);
    await waitFor(driver, `(t) => document.getElementById('draft').value === t`, [reply]);
    await driver.click('#btn-send');
    const sent = await waitFor(
      driver,
      `() => { const b = [...document.querySelectorAll('#messages [data-kefu-role="agent"]')].pop();
        const item = document.querySelector('.conv[data-scenario-id="first-greeting"] .conv-score');
        return b && item && !document.getElementById('done-bar').hidden && { text: b.textContent, item: item.textContent }; }`,
    );
    assert(sent && sent.text === reply, `agent bubble: ${JSON.stringify(sent)}`);
    return `list shows ${sent.item}`;
  });

  await check('platform switch sets body[data-kefu-platform] and re-checks the draft in that style', async () => {
    await driver.click('.conv[data-scenario-id="presale-recommend"]');
    await waitFor(driver, `() => document.getElementById('chat-title').textContent === '售前推荐'`);
    await driver.run(CLEAR_DRAFT);
    await driver.type('#draft', '亲,这款面霜很温和哦。');
    const pick = (p) => driver.run(`(p) => { const sel = document.getElementById('platform'); sel.value = p;
      sel.dispatchEvent(new Event('change', { bubbles: true })); return [...sel.options].map((o) => o.value); }`, [p]);
    const taobao = await waitFor(driver, `() => { const p = (${PANEL})(); return p.draft === '亲,这款面霜很温和哦。' && p.score !== null && p; }`);
    assert(taobao && !taobao.rules.includes('address.qin-on-formal-platform'), `亲 flagged on taobao: ${JSON.stringify(taobao)}`);
    const options = await pick('generic');
    const generic = await waitFor(driver, `() => { const p = (${PANEL})(); return document.body.dataset.kefuPlatform === 'generic' && p.rules.includes('address.qin-on-formal-platform') && p; }`);
    await pick('taobao');
    const back = await waitFor(driver, `() => { const p = (${PANEL})(); return document.body.dataset.kefuPlatform === 'taobao' && !p.rules.includes('address.qin-on-formal-platform') && p; }`);
    assert(generic, `no 亲 finding after switching to generic: ${JSON.stringify(await driver.run(PANEL))}`);
    assert(back, 'switching back to taobao did not clear the finding');
    for (const p of ['taobao', 'jd', 'pdd', 'douyin', 'generic']) assert(options.includes(p), `no ${p} option`);
    return `score taobao ${taobao.score}, generic ${generic.score}`;
  });

  await check('practice run ends on a result page that says what to work on', async () => {
    await ready(driver, url('demo/#practice'));
    const run = await waitFor(driver, `() => document.querySelector('[data-run="pre-sale"]') && true`);
    assert(run, 'no practice run choices');
    await driver.click('[data-run="pre-sale"]');
    const steps = [];
    const templates = [];
    for (let i = 0; i < 10; i += 1) {
      const cur = await waitFor(
        driver,
        `() => !document.getElementById('console').hidden && document.querySelector('[data-practice-step]') &&
          { id: document.querySelector('.conv[aria-current="true"]').dataset.scenarioId, step: document.querySelector('[data-practice-step]').dataset.practiceStep }`,
      );
      assert(cur, `practice step ${i + 1} did not show`);
      const s = scenarios.find((x) => x.id === cur.id);
      const text = i % 2 === 0 ? s.bad : s.model;
      await driver.type('#draft', text);
      await waitFor(driver, `(t) => document.getElementById('draft').value === t`, [text]);
      await driver.click('#btn-send');
      const next = await waitFor(driver, `() => document.querySelector('[data-next]') && !document.getElementById('model-box').hidden && true`);
      assert(next, 'no next button / model reply after submitting');
      // The team's template for the customer's situation beside the sent reply (issue 16).
      const tpl = await driver.run(
        `() => { const t = document.querySelector('#team-template:not([hidden]) [data-team-template]'); return t ? { situation: t.dataset.situation, text: t.textContent } : null; }`,
      );
      templates.push({ id: cur.id, tpl });
      steps.push(cur.id);
      await driver.click('[data-next]');
      const done = await waitFor(driver, `() => !document.getElementById('practice-result').hidden || document.querySelector('[data-practice-step]')?.dataset.practiceStep !== '${cur.step}'`);
      assert(done, 'next did not advance');
      if (await driver.run(`() => !document.getElementById('practice-result').hidden`)) break;
    }
    const result = await waitFor(
      driver,
      `() => { const a = document.querySelector('[data-result-average]');
        return a && { average: Number(a.dataset.resultAverage),
          rows: [...document.querySelectorAll('[data-result-scenario]')].map((r) => ({ id: r.dataset.resultScenario, score: Number(r.querySelector('.num').textContent) })),
          workOn: [...document.querySelectorAll('[data-work-on]')].map((e) => e.dataset.workOn),
          gauge: document.querySelector('[data-result-average] svg').getAttribute('data-score') }; }`,
    );
    assert(result, 'no result page');
    assert(result.rows.length === steps.length && steps.length === 4, `${result.rows.length} rows for ${steps.length} steps`);
    const mean = Math.round(result.rows.reduce((a, r) => a + r.score, 0) / result.rows.length);
    assert(mean === result.average && String(mean) === result.gauge, `average ${result.average}, gauge ${result.gauge}, rows mean ${mean}`);
    assert(result.workOn.length >= 1 && !result.workOn.includes('none'), `work-on: ${result.workOn}`);
    const price = templates.find((t) => t.id === 'price-objection');
    assert(price && price.tpl && price.tpl.situation === 'price' && price.tpl.text.length > 10, `no price template beside the reply: ${JSON.stringify(templates)}`);
    const greeting = templates.find((t) => t.id === 'first-greeting');
    assert(greeting && greeting.tpl && greeting.tpl.situation === 'out_of_stock', `first-greeting: ${JSON.stringify(greeting)}`);
    return `average ${result.average}; work on: ${result.workOn.join(', ')}; templates: ${templates.map((t) => t.tpl && t.tpl.situation).join(', ')}`;
  });

  await check('rules page shows every rule with what / why / bad → good', async () => {
    await ready(driver, url('rules/'));
    const r = await driver.run(`async () => {
      const pkg = await import(new URL('../pkg/kefu_coach.js', location.href).href);
      await pkg.default(); // a WebDriver script may get its own module instance (Firefox)
      const { Coach } = pkg;
      const rules = Coach.rules();
      const cards = [...document.querySelectorAll('.rule')];
      return {
        ids: rules.map((x) => x.id),
        cards: cards.map((c) => ({
          id: c.dataset.rule,
          what: !!c.querySelector('[data-section="what it does"] p, [data-section="what it does"] ul'),
          why: !!c.querySelector('[data-section="why is this bad?"]'),
          bad: !!c.querySelector('.example.bad pre'),
          good: !!c.querySelector('.example.good pre'),
          flagged: Number(c.querySelector('.example.bad')?.dataset.flagged || 0),
        })),
      };
    }`);
    assert(r.ids.length > 0, 'Coach.rules() is empty');
    assert(JSON.stringify(r.cards.map((c) => c.id).sort()) === JSON.stringify(r.ids.slice().sort()), 'cards and Coach.rules() differ');
    const missing = r.cards.filter((c) => !(c.what && c.why && c.bad && c.good)).map((c) => c.id);
    assert(!missing.length, `incomplete cards: ${missing.join(', ')}`);
    const unflagged = r.cards.filter((c) => !c.flagged).map((c) => c.id);
    return `${r.cards.length} rules; bad example not flagged by its own rule: ${unflagged.join(', ') || 'none'}`;
  });

  await check('the Markdown renderer builds no markup from doc text', async () => {
    const r = await driver.run(`async () => {
      const md = await import(new URL('markdown.js', location.href).href);
      const box = document.createElement('div');
      box.appendChild(md.render('## What it does\\n<img src=x onerror="window.__kefuXss=1">\\n\\n**粗体** [x](javascript:alert(1)) [ok](https://example.com)\\n\\n\`\`\`text\\n<script>window.__kefuXss=2</script>\\n\`\`\`\\n- a <b>b</b>'));
      document.body.appendChild(box);
      await new Promise((r) => setTimeout(r, 100));
      const out = {
        img: box.querySelectorAll('img, script, b').length,
        js: [...box.querySelectorAll('a')].filter((a) => /^javascript:/i.test(a.getAttribute('href') || '')).length,
        links: box.querySelectorAll('a[href^="https:"]').length,
        strong: box.querySelector('strong') && box.querySelector('strong').textContent,
        h2: box.querySelector('h2') && box.querySelector('h2').textContent,
        pre: box.querySelector('pre code') && box.querySelector('pre code').textContent,
        xss: window.__kefuXss || 0,
      };
      box.remove();
      return out;
    }`);
    assert(r.img === 0 && r.js === 0 && r.xss === 0, `markup got through: ${JSON.stringify(r)}`);
    assert(r.links === 1 && r.strong === '粗体' && r.h2 === 'What it does' && r.pre.includes('<script>'), JSON.stringify(r));
  });

  await check('team pack import: tried in a Web Worker first; a bad one changes nothing and says why', async () => {
    await ready(driver, url('demo/'));
    const IMPORT = `async (name, text) => {
      const input = document.getElementById('pack-file');
      const status = document.getElementById('pack-status');
      status.className = 'pack-status';
      status.textContent = '';
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    }`;
    const VERDICT = `() => { const s = document.getElementById('pack-status');
      return /\\b(ok|error)\\b/.test(s.className) && { ok: s.classList.contains('ok'), text: s.textContent,
        packs: [...document.querySelectorAll('#pack-list [data-pack]')].map((e) => e.dataset.pack) }; }`;
    const rule = (id, pattern) => ({ id, pattern, category: 'impatience', severity: 'warning', message: `团队规则 ${id}` });
    const tries = [
      ['slow.json', { name: '慢包', rules: [rule('slow', '((\\w|\\W){1,99}){1,20}y')] }, false, '第 16 个字符处'],
      ['broken.json', '{"name": ', false, '不是有效的 JSON'],
      ['good.json', { name: '售后组', rules: [rule('hehe', '呵呵')] }, true, '已采用'],
      ['clash.json', { name: '售前组', rules: [rule('hehe', '呵呵+')] }, false, '与规则包 “售后组” 中的规则同名'],
    ];
    for (const [name, pack, ok, says] of tries) {
      await driver.run(IMPORT, [name, typeof pack === 'string' ? pack : JSON.stringify(pack)]);
      const v = await waitFor(driver, VERDICT, [], 10000);
      assert(v, `no verdict on ${name}`);
      assert(v.ok === ok && v.text.includes(says), `${name}: ${JSON.stringify(v)}`);
      assert(JSON.stringify(v.packs) === JSON.stringify(ok || name === 'clash.json' ? ['售后组'] : []), `${name}: packs ${v.packs}`);
    }
    await driver.run(`() => { const t = document.getElementById('draft'); t.value = '好的呵呵,知道了';
      t.dispatchEvent(new Event('input', { bubbles: true })); return true; }`);
    const flagged = await waitFor(driver, `() => document.getElementById('findings').textContent.includes('团队规则 hehe')`);
    assert(flagged, 'the imported rule never flagged 呵呵');
    const timeout = await driver.run(`async () => {
      const { checkPacks } = await import(new URL('../extension/options/pack-check.js', location.href).href);
      try { await checkPacks([], { timeoutMs: 1 }); return 'resolved'; } catch (e) { return e.message; }
    }`);
    assert(timeout.includes('仍未完成'), `a worker past its time limit: ${timeout}`);
    await driver.run(CLEAR_DRAFT);
  });

  if (phone) {
    await check('phone width: one column, coach panel below the chat, no sideways scroll', async () => {
      await driver.resize(390, 844);
      await ready(driver, url('demo/#scenario=damaged-item'));
      const r = await driver.run(`() => {
        const chat = document.querySelector('.chat').getBoundingClientRect();
        const coach = document.querySelector('.coach').getBoundingClientRect();
        return { inner: window.innerWidth, scroll: document.documentElement.scrollWidth, chatBottom: chat.bottom, coachTop: coach.top, coachWidth: coach.width };
      }`);
      assert(r.scroll <= r.inner + 1, `page is ${r.scroll}px wide in a ${r.inner}px window`);
      assert(r.coachTop >= r.chatBottom - 1, `coach panel (top ${r.coachTop}) is not below the chat (bottom ${r.chatBottom})`);
      assert(r.coachWidth >= r.inner * 0.85, `coach panel only ${r.coachWidth}px wide`);
      return `window ${r.inner}px`;
    });
  }

  await check('no console errors or failed loads', async () => {
    const errors = await driver.errors();
    assert(!errors.length, errors.join('\n'));
  });

  return results;
}

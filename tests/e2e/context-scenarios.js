// The conversation reader on fixture consoles of different shapes (tests/e2e/consoles/): with
// no configuration, the coach must see the customer's latest messages and whether the agent
// has replied, and take the platform preset from a marketplace's host name.
import { waitFor } from './scenarios.js';

/** A marketplace host name the drivers resolve to 127.0.0.1 (drivers/*.js, proxy.js). */
export const JD_HOST = 'e2e.jd.com';

export const CONSOLES = [
  { name: 'bubbles', times: true },
  { name: 'names', times: true },
  { name: 'hashed', times: true },
  { name: 'virtual', times: false },
  { name: 'frame', times: true },
  { name: 'frame-editor', times: false, frame: '#frame' },
  { name: 'shadow', times: false },
  { name: 'mixed', times: false },
  { name: 'tabs', times: false },
];

const DRAFT = '这个我帮您查一下。';
const STATES = {
  // the page's first state (kit.js): one complaint, no reply yet
  first: [{ who: 'c', text: '快递一周了还没到,太慢了,我要投诉', ago: 3 }],
  neutral: [
    { who: 'c', text: '在吗', ago: 9 },
    { who: 'a', text: '您好,很高兴为您服务', ago: 8 },
    { who: 'c', text: '这款保温杯能装开水吗?', ago: 2 },
  ],
  complaint: [
    { who: 'c', text: '在吗', ago: 9 },
    { who: 'a', text: '您好,很高兴为您服务', ago: 8 },
    { who: 'c', text: '我上周买的杯子', ago: 5 },
    { who: 'c', text: '怎么还没发货?太慢了,我要投诉', ago: 4 },
  ],
};
// The agent has already answered the complaint: the draft is a further message.
STATES.answered = [...STATES.complaint, { who: 'a', text: '非常抱歉让您久等了,我马上帮您催仓库', ago: 1 }];
// The customer presses again after that apology: the reader must see the apology as the
// agent's message before the customer's (previousReply → the request's previous_reply, which
// makes the missing apology a hint).
STATES.pressed = [...STATES.answered, { who: 'c', text: '还要等多久啊,太慢了,你们怎么回事', ago: 0 }];

const FINDINGS = `() => {
  const h = document.querySelector('kefu-coach');
  const b = h && h.shadowRoot.querySelector('[data-kefu-badge]');
  if (!b) return null;
  return { checks: Number(b.dataset.checks || 0), findings: [...h.shadowRoot.querySelectorAll('[data-kefu-finding]')].map((f) => ({ rule: f.dataset.rule, apply: [...f.querySelectorAll('[data-kefu-apply]')].map((a) => a.textContent) })) };
}`;

const rules = (s) => (s ? s.findings.map((f) => f.rule) : []);
const GREET = 'greeting.missing-greeting';
const APOLOGY = 'apology.missing-apology';

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** The content script's status reply, as the popup gets it, for the tab on `host`. */
async function status(d, host) {
  const ext = '(globalThis.browser || chrome)';
  const all = await d.inExtension(`async () => {
    const out = [];
    for (const t of await ${ext}.tabs.query({})) {
      try { const r = await ${ext}.tabs.sendMessage(t.id, { type: 'kefu:status' }); if (r) out.push(r); } catch (_) {}
    }
    return out;
  }`);
  const mine = all.find((s) => s.host === host);
  assert(mine, `no status from ${host}: ${JSON.stringify(all)}`);
  return mine;
}

async function openConsole(d, url, frame) {
  await d.goto(url);
  if (frame) await d.frame(frame);
  await waitFor(d, `() => document.readyState === 'complete' && !!document.getElementById('editor')`, Boolean, 'the console');
  await d.click('#editor');
  await d.type(DRAFT);
}

const want = (has, not) => (s) => !!s && has.every((r) => rules(s).includes(r)) && not.every((r) => !rules(s).includes(r));

async function expect(d, has, not, what) {
  return waitFor(d, FINDINGS, want(has, not), what, 8000);
}

export const CONTEXT_SCENARIOS = {};

for (const c of CONSOLES) {
  /** Complaint → apology, neutral → none; no reply yet → greeting, after one → none; what
   *  the popup is told; the JD preset on a jd.com host. */
  CONTEXT_SCENARIOS[`context-${c.name}`] = async (d, origin) => {
    const port = new URL(origin).port;
    await openConsole(d, `${origin}/consoles/${c.name}.html`, c.frame);
    await expect(d, [GREET, APOLOGY], [], 'a greeting and an apology finding (complaint, no reply yet)');
    const set = (msgs) => d.eval(`(m) => window.__console.set(m)`, msgs);
    await set(STATES.neutral);
    await expect(d, [], [GREET, APOLOGY], 'neither once the agent replied and the customer asks a neutral question');
    await set(STATES.complaint);
    await expect(d, [APOLOGY], [GREET], 'an apology finding (complaint after a reply) and no greeting');
    await set(STATES.answered);
    await expect(d, [], [GREET, APOLOGY], 'no apology once the agent has answered the complaint (a further message)');
    await set(STATES.complaint);
    await expect(d, [APOLOGY], [GREET], 'the apology again when the answer is gone');
    const st = await status(d, '127.0.0.1');
    const x = st.context;
    assert(x && x.read === true && x.adapter === 'auto' && x.customerMessages === 2 && x.firstReply === false,
      `status: ${JSON.stringify(st)}`);
    if (c.times) assert(x.waitingSeconds >= 200 && x.waitingSeconds <= 420, `waiting ${x.waitingSeconds} s, expected about 4 minutes`);
    else assert(x.waitingSeconds === null, `waiting ${x.waitingSeconds} s on a page without times`);
    assert(st.platform === 'taobao' && st.platformSource === 'default', `platform on 127.0.0.1: ${JSON.stringify(st)}`);
    const cost = `find ${x.findMs} ms, re-read ${x.readMs} ms (max ${x.readMaxMs} ms, ${x.reads - 1} changes)`;
    // Pressed again after an apology: the apology is the agent's message before the customer's.
    await set(STATES.pressed);
    let pressed = null;
    for (let i = 0; i < 40 && !(pressed && pressed.customerMessages === 1); i += 1) {
      if (i) await new Promise((r) => setTimeout(r, 200));
      pressed = (await status(d, '127.0.0.1')).context;
    }
    assert(pressed && pressed.read === true && pressed.customerMessages === 1 && pressed.previousReply === true,
      `the agent's apology before the customer's last message not read: ${JSON.stringify(pressed)}`);

    await openConsole(d, `http://${JD_HOST}:${port}/consoles/${c.name}.html`, c.frame);
    const s = await expect(d, [GREET, APOLOGY], [], 'a greeting and an apology finding on the jd.com host');
    const greet = s.findings.find((f) => f.rule === GREET);
    assert(greet.apply[0] && greet.apply[0].startsWith('您好'), `JD greeting ${JSON.stringify(greet.apply)}; expected the JD preset's 您好…`);
    const js = await status(d, JD_HOST);
    assert(js.platform === 'jd' && js.platformSource === 'host' && js.context.firstReply === true && js.context.customerMessages === 1
      && js.context.previousReply === false,
      `status on ${JD_HOST}: ${JSON.stringify(js)}`);
    const errs = await d.eval(`() => window.__fixtureErrors || []`);
    assert(!errs.length && !d.consoleErrors().length, `errors on the page: ${JSON.stringify([...errs, ...d.consoleErrors()])}`);
    return `reading: ${cost}`;
  };
}

/** The wait timer (issue 16): where the console shows times, the badge shows how long the
 *  customer has waited for this reply, late past the platform's limit, which a team can set. */
CONTEXT_SCENARIOS['context-wait-timer'] = async (d, origin) => {
  const ext = '(globalThis.browser || chrome)';
  const BADGE = `() => {
    const b = document.querySelector('kefu-coach').shadowRoot.querySelector('[data-kefu-badge]');
    const w = b.querySelector('.wait');
    return { wait: b.dataset.wait === undefined ? null : Number(b.dataset.wait), level: b.dataset.waitLevel || null, text: w && !w.hidden ? w.textContent : '' };
  }`;
  try {
    await openConsole(d, `${origin}/consoles/bubbles.html`);
    await d.eval(`(m) => window.__console.set(m)`, STATES.complaint); // unanswered since 5 minutes ago
    const late = await waitFor(d, BADGE, (b) => b.wait >= 240 && b.level === 'late', 'the badge\'s timer, late, for the complaint of 5 minutes ago', 8000);
    assert(late.wait >= 240 && late.wait <= 420 && late.text.startsWith('等') && late.text.includes('分'), `timer ${JSON.stringify(late)}`);
    // A team's own limit (options page: waitLimits) of 10 minutes: no longer late.
    await d.inExtension(`() => ${ext}.storage.sync.set({ waitLimits: { taobao: 600 } })`);
    await waitFor(d, BADGE, (b) => b.level === 'ok', 'the timer within the team\'s 600 s', 8000);
    // The agent answered: nothing to wait for until the customer writes again.
    await d.eval(`(m) => window.__console.set(m)`, [...STATES.complaint, { who: 'a', text: '非常抱歉,我马上为您查询', ago: 0 }]);
    await waitFor(d, BADGE, (b) => b.wait === null && b.text === '', 'no timer after the agent\'s reply', 8000);
    return `late at ${late.wait} s (${late.text})`;
  } finally {
    await d.inExtension(`() => ${ext}.storage.sync.remove('waitLimits')`);
  }
};

/** A transcript nobody could read sides in: the coach says why and checks without it (no
 *  apology or greeting finding from a guess). */
CONTEXT_SCENARIOS['context-unsure'] = async (d, origin) => {
  await openConsole(d, `${origin}/consoles/plain.html`);
  await waitFor(d, FINDINGS, (s) => !!s && s.checks > 0, 'a check', 8000);
  await new Promise((r) => setTimeout(r, 400));
  const s = await d.eval(FINDINGS);
  assert(!rules(s).includes(APOLOGY) && !rules(s).includes(GREET), `findings from a guessed context: ${JSON.stringify(rules(s))}`);
  const st = await status(d, '127.0.0.1');
  assert(st.context.read === false && /[\u4e00-\u9fff]/.test(st.context.reason || '') && st.context.customerMessages === 0,
    `status: ${JSON.stringify(st.context)}`);
  return `reason: ${st.context.reason}`;
};

/** Keystroke-to-underline on a console the reader watches, 500-character draft: reading the
 *  conversation must not land on the keystroke path. */
CONTEXT_SCENARIOS['context-latency'] = async (d, origin) => {
  await openConsole(d, `${origin}/consoles/hashed.html`);
  await expect(d, [APOLOGY], [], 'an apology finding');
  await d.eval(`() => {
    const unit = '亲,您好!您的订单已经发货,预计明天送达,请您留意物流信息。这个问题我不知道,我帮您核实一下。';
    let t = '';
    while (t.length < 500) t += unit;
    const e = document.getElementById('editor');
    e.focus();
    document.execCommand('selectAll', false);
    document.execCommand('insertText', false, t.slice(0, 500));
  }`);
  await new Promise((r) => setTimeout(r, 800));
  const before = (await status(d, '127.0.0.1')).context.reads;
  await d.eval(`() => { window.__kefuLatency.length = 0; }`);
  for (let i = 0; i < 40; i++) {
    const checks = (await d.eval(FINDINGS)).checks;
    await d.type(i % 2 ? '好' : '的');
    await waitFor(d, FINDINGS, (x) => x.checks > checks, 'a check after a keystroke', 5000);
  }
  const lat = (await d.eval(`() => window.__kefuLatency.slice()`)).sort((a, b) => a - b);
  await new Promise((r) => setTimeout(r, 300));
  const after = (await status(d, '127.0.0.1')).context.reads;
  assert(after === before, `the conversation was read ${after - before} times while typing 40 characters; it must be read only when it changes`);
  assert(lat.length >= 30, `only ${lat.length} latency measures for 40 keystrokes`);
  const p = (q) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))];
  // The same bound as the editors' latency scenario (a shared CI machine); the number is
  // reported for the 16 ms budget.
  assert(p(0.95) < 100, `keystroke-to-underline p95 ${p(0.95).toFixed(1)} ms`);
  return `n=${lat.length} p50=${p(0.5).toFixed(1)}ms p95=${p(0.95).toFixed(1)}ms; conversation read ${after - before} times while typing`;
};

/** The user's choice for this site wins over the marketplace's domain: the status says so
 *  and the check follows (Pinduoduo's greeting starts with 亲, JD's with 您好). */
CONTEXT_SCENARIOS['context-site-platform'] = async (d, origin) => {
  const port = new URL(origin).port;
  const ext = '(globalThis.browser || chrome)';
  try {
    await d.inExtension(`(h) => ${ext}.storage.sync.set({ sitePlatforms: { [h]: 'pdd' } })`, JD_HOST);
    await openConsole(d, `http://${JD_HOST}:${port}/consoles/bubbles.html`);
    const s = await expect(d, [GREET], [], 'a greeting finding');
    const greet = s.findings.find((f) => f.rule === GREET);
    assert(greet.apply[0] && greet.apply[0].startsWith('亲'), `greeting ${JSON.stringify(greet.apply)} with pdd chosen for this site`);
    const st = await status(d, JD_HOST);
    assert(st.platform === 'pdd' && st.platformSource === 'site', `status: ${JSON.stringify(st)}`);
  } finally {
    await d.inExtension(`() => ${ext}.storage.sync.remove('sitePlatforms')`);
  }
};

/** The host → preset table and shown times, without a browser. */
CONTEXT_SCENARIOS['context-tables'] = async () => {
  const { platformOfHost, choosePlatform } = await import('../../www/extension/sites/context/platform.js');
  const { parseTime } = await import('../../www/extension/sites/context/times.js');
  const hosts = {
    'taobao.com': 'taobao', 'myseller.taobao.com': 'taobao', 'x.tmall.com': 'taobao', 'dongdong.jd.com': 'jd',
    'mms.pinduoduo.com': 'pdd', 'm.yangkeduo.com': 'pdd', 'im.jinritemai.com': 'douyin', 'www.douyin.com': 'douyin',
    'notjd.com': '', 'jd.com.example.org': '', '127.0.0.1': '', 'example.com': '',
  };
  for (const [h, want] of Object.entries(hosts)) assert(platformOfHost(h) === want, `${h} → ${platformOfHost(h)}, expected ${want || 'nothing'}`);
  const pick = (host, settings, page) => { const p = choosePlatform(host, { platform: 'auto', sitePlatforms: {}, ...settings }, page); return `${p.platform}/${p.source}`; };
  assert(pick('a.jd.com', { platform: 'douyin' }) === 'jd/host', 'the domain beats the general choice');
  assert(pick('a.jd.com', { sitePlatforms: { 'a.jd.com': 'generic' } }) === 'generic/site', 'the per-site choice beats the domain');
  assert(pick('example.com', { platform: 'douyin' }) === 'douyin/user', 'elsewhere the user decides');
  assert(pick('example.com', {}, 'jd') === 'jd/host', "the page's own markup next");
  assert(pick('example.com', {}) === 'taobao/default', 'then the default');
  const now = new Date(2026, 11, 4, 10, 30, 0).getTime();
  const at = (t) => { const v = parseTime(t, now); return v === null ? null : (now - v) / 60000; };
  assert(at('10:26') === 4 && at('昨天 10:30') === 1440 && at('23:50') === 640 && at('2026-12-04 10:00:00') === 30 && at('下午 3:00') === 1440 - 270 && at('好的') === null,
    `parsed times: ${JSON.stringify(['10:26', '昨天 10:30', '23:50', '2026-12-04 10:00:00', '下午 3:00', '好的'].map(at))}`);
};

/** A busy page (8,000 more elements next to the editor): still read right; what finding the
 *  transcript and re-reading it cost there. */
CONTEXT_SCENARIOS['context-big-page'] = async (d, origin) => {
  await openConsole(d, `${origin}/consoles/mixed.html?noise=8000`);
  await expect(d, [GREET, APOLOGY], [], 'a greeting and an apology finding');
  await d.eval(`(m) => window.__console.set(m)`, STATES.complaint);
  await expect(d, [APOLOGY], [GREET], 'an apology finding and no greeting after a reply');
  const x = (await status(d, '127.0.0.1')).context;
  assert(x.read && x.customerMessages === 2, `status: ${JSON.stringify(x)}`);
  return `find ${x.findMs} ms, re-read ${x.readMs} ms`;
};

/** The options page's selectors override the automatic reader where they apply. */
CONTEXT_SCENARIOS['context-generic-override'] = async (d, origin) => {
  const ext = '(globalThis.browser || chrome)';
  try {
    // selectors that see no agent message at all: the override, not the reader, decides
    await d.inExtension(`() => ${ext}.storage.sync.set({ generic: { customer: '.item .bubble', agent: '.nobody-here', hosts: '127.0.0.1' } })`);
    await openConsole(d, `${origin}/consoles/bubbles.html`);
    await d.eval(`(m) => window.__console.set(m)`, STATES.neutral);
    await expect(d, [GREET], [], 'a greeting finding: the selectors find no agent message');
    const x = (await status(d, '127.0.0.1')).context;
    assert(x.adapter === 'generic' && x.read === true && x.firstReply === true, `status: ${JSON.stringify(x)}`);
  } finally {
    await d.inExtension(`() => ${ext}.storage.sync.remove('generic')`);
  }
};

// The content script proper: waits for an eligible editor to get focus, then instantiates the
// core (lazily) and attaches the annotator to it. The core runs here when the page allows
// WebAssembly in content scripts, otherwise in the background script (automatic).
//
// The page is not trusted: its scripts can reach the <kefu-coach> shadow root (open, by
// contract) and dispatch events, so the annotator runs with `requireTrusted` (only real user
// gestures act), nothing here listens to the page's messages, custom events or attributes
// beyond reading its chat context, and settings change only through storage written by the
// extension's own pages or by a trusted gesture in the coach's UI.
import { ext } from './browser.js';
import { annotate, editorRoot, COACHED_ATTR } from '../annotator/index.js';
import { getHost } from '../annotator/host.js';
import { isBlocked, pageKey, rememberBlocked } from './blocked.js';
import * as core from './core.js';
import { bumpStats, isSiteOn, loadPacks, loadPhrasebook, loadSettings, onSettingsChanged, saveSettings, waitLimit } from './settings.js';
import { siteFor } from './sites/index.js';
import { choosePlatform } from './sites/context/platform.js';
import { watchConversation } from './sites/context/watch.js';

const sessions = new Map(); // editor root -> { handle, seen: Set, conv, lastCtx }
let lastEntry = null; // the session of the editor focused last: what the popup's status tells
let settings = null;
let packs = [];
let phrasebook = null; // the team phrasebook (options page), or null: the default one
let engine = null; // Promise<{mode, check, rebuild}>
let lastTemplates = null; // the last report's situation and template ids, for the status

export async function start() {
  [settings, packs, phrasebook] = await Promise.all([loadSettings(), loadPacks(), loadPhrasebook()]);
  onSettingsChanged(settingsChanged);
  document.addEventListener('focusin', onFocus, true);
  ext.runtime.onMessage.addListener(onMessage);
  const active = deepActive(document);
  if (active) attach(active);
  tellButton(0);
}

// The toolbar button (background.js): this frame's finding count, and whether it's on here.
let told = '';
function tellButton(count) {
  const msg = { type: 'kefu:count', count: enabledHere() ? count : 0, enabled: enabledHere() };
  if (JSON.stringify(msg) !== told) ext.runtime.sendMessage(msg).catch(() => {});
  told = JSON.stringify(msg);
}

const host = () => location.hostname;
const enabledHere = () => isSiteOn(settings, host());

function onFocus(e) {
  const target = e.composedPath ? e.composedPath()[0] : e.target;
  attach(target);
}

function deepActive(doc) {
  let a = doc.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** A reply touching most rules' word lists: checked once while the browser is idle after the
 *  first editor gets focus, so the lists are indexed and the code compiled before the agent's
 *  first keystroke, which then lands within a frame like every other. */
const WARM_UP = {
  draft: '亲,这个不知道,可能明天发货吧,你自己去问快递。加我微信,好评返现,全网最低价!不行,已经发货了~',
  customer: '怎么还没发货?都一周了,能不能快点',
};
let warmed = false;

function warmUp() {
  if (warmed) return;
  warmed = true;
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 50));
  getEngine()
    .then((e) => idle(() => Promise.resolve(e.check(WARM_UP)).catch(() => {})))
    .catch(() => {});
}

function attach(target) {
  if (!enabledHere()) return;
  const root = editorRoot(target);
  if (root && sessions.has(root)) lastEntry = sessions.get(root);
  if (!root || sessions.has(root) || root.closest('kefu-coach')) return;
  // The page coaches this editor itself (the trainer demo embeds the same annotator).
  if (root.hasAttribute(COACHED_ATTR)) return;
  warmUp();
  const seen = new Set();
  const entry = { seen, handle: null, lastDraft: '', conv: null, site: null, lastCtx: null };
  sessions.set(root, entry);
  lastEntry = entry;
  entry.handle = annotate(root, {
    check,
    requireTrusted: true,
    // Read before each check: cheap, the conversation itself is read when it changes.
    context: () => contextFor(entry, root),
    onReport(report, draft) {
      // A draft that empties after holding text was sent (or discarded): one reply checked.
      if (!draft && entry.lastDraft) bumpStats({ checked: 1 });
      entry.lastDraft = draft;
      let fresh = 0;
      for (const f of report.findings) {
        const key = `${f.rule}\u0000${draft.slice(f.start, f.end)}`;
        if (!seen.has(key)) {
          seen.add(key);
          fresh += 1;
        }
      }
      if (!draft) seen.clear();
      if (fresh) bumpStats({ flagged: fresh });
      tellButton(report.findings.length);
    },
    onApply() {
      bumpStats({ applied: 1 });
    },
    onDisableRule(id) {
      if (settings.disabledRules.includes(id)) return;
      saveSettings({ disabledRules: [...settings.disabledRules, id] });
    },
  });
  // Forget editors that leave the page (the annotator destroys itself then too).
  const watch = setInterval(() => {
    if (root.isConnected) return;
    clearInterval(watch);
    detach(root);
  }, 2000);
  entry.watch = watch;
  contextFor(entry, root); // read the conversation now, before the first keystroke
}

/** The check's context for this editor: the first site adapter that matches the page; the
 *  automatic reader's reading comes from its watcher, started on first use. */
function contextFor(entry, root) {
  const site = siteFor(document, settings);
  entry.site = site;
  let reading = null;
  if (site.kind === 'auto') {
    if (!entry.conv) {
      entry.conv = watchConversation(root, () => {
        if (entry.handle) entry.handle.refresh();
      });
    }
    reading = entry.conv.current();
  } else if (entry.conv) {
    entry.conv.destroy();
    entry.conv = null;
  }
  const ctx = site.context(document, settings, reading);
  entry.pagePlatform = ctx.platform;
  ctx.platform = choosePlatform(host(), settings, ctx.platform).platform;
  entry.lastCtx = ctx;
  // The wait timer: where the console shows times, since the customer's first unanswered message.
  if (entry.handle) entry.handle.setWait(reading && reading.read ? reading.waitingSince : null, waitLimit(settings, ctx.platform));
  return ctx;
}

const round2 = (x) => Math.round(x * 100) / 100;

/** What the popup shows about the conversation of the editor focused last (README.md). */
function contextStatus() {
  const entry = lastEntry && [...sessions.values()].includes(lastEntry) ? lastEntry : null;
  if (!entry) {
    return { read: false, reason: '点一下回复框,教练就会读取聊天记录', customerMessages: 0, firstReply: null, waitingSeconds: null, adapter: siteFor(document, settings).kind };
  }
  const site = entry.site || siteFor(document, settings);
  if (site.kind !== 'auto') {
    const ctx = entry.lastCtx || site.context(document, settings, null);
    return {
      read: ctx.messages > 0,
      reason: ctx.messages > 0 ? null : '按设置的选择器没有找到客户消息',
      customerMessages: ctx.messages || 0,
      firstReply: !!ctx.first_reply,
      previousReply: !!ctx.previous_reply,
      waitingSeconds: null,
      adapter: site.kind,
    };
  }
  const r = entry.conv ? entry.conv.current() : null;
  const cost = entry.conv ? entry.conv.reads() : null;
  return {
    read: !!(r && r.read),
    reason: r ? r.reason : '还没有读取聊天记录',
    customerMessages: r && r.read ? r.messages : 0,
    firstReply: r && r.read ? r.firstReply : null,
    // whether the agent's message before the customer's was read (an apology or a time there counts)
    previousReply: !!(r && r.read && r.previousReply),
    waitingSeconds: r && r.waitingSince != null ? Math.max(0, Math.round((Date.now() - r.waitingSince) / 1000)) : null,
    adapter: 'auto',
    // what reading costs here (ms): finding the transcript, then each re-reading on a change
    findMs: cost ? round2(cost.firstMs) : null,
    readMs: cost && cost.count > 1 ? round2(cost.lastMs) : null,
    readMaxMs: cost && cost.count > 1 ? round2(cost.maxMs) : null,
    reads: cost ? cost.count : 0,
  };
}

function detach(root) {
  const entry = sessions.get(root);
  if (!entry) return;
  clearInterval(entry.watch);
  if (entry.conv) entry.conv.destroy();
  entry.handle.destroy();
  sessions.delete(root);
}

async function check(request) {
  const e = await getEngine();
  const report = await e.check(request);
  if (report) lastTemplates = { situation: report.situation || null, ids: (report.templates || []).map((t) => t.id) };
  return report;
}

function getEngine() {
  if (!engine) {
    engine = createEngine().catch((err) => {
      engine = null;
      throw err;
    });
  }
  return engine;
}

async function createEngine() {
  const mark = (mode) => {
    getHost(document).host.dataset.engine = mode;
  };
  // Chromium reports the failed WebAssembly compile to the page as a CSP violation, so a
  // page that refused it once goes straight to the background for a day (blocked.js).
  const page = pageKey(location);
  if (settings.engine !== 'background' && !(await isBlocked(page))) {
    try {
      // The .wasm is the only file fetched from the extension here (web-accessible, through
      // the dynamic URL runtime.getURL gives where the browser has one).
      await withTimeout(core.loadCore(ext.runtime.getURL('pkg/kefu_coach_bg.wasm')), LOAD_TIMEOUT_MS);
      let coach = core.buildCoach(settings, packs, phrasebook);
      mark('content');
      return {
        mode: 'content',
        check: (req) => coach.check(req),
        rebuild() {
          const next = core.buildCoach(settings, packs, phrasebook);
          coach.free();
          coach = next;
        },
      };
    } catch (e) {
      // This page's Content-Security-Policy forbids WebAssembly here (or the load stalled):
      // use the background. Only a refusal is remembered.
      if (!(e && e.slow)) rememberBlocked(page).catch(() => {});
    }
  }
  mark('background');
  return {
    mode: 'background',
    async check(request) {
      const res = await ext.runtime.sendMessage({ type: 'kefu:check', request });
      if (!res || res.error) throw new Error((res && res.error) || '后台没有响应');
      return res.report;
    },
    rebuild() {},
  };
}

// A core that hasn't loaded in this time won't: the background answers instead.
const LOAD_TIMEOUT_MS = 5000;

function withTimeout(promise, ms) {
  let timer = 0;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { slow: true })), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function settingsChanged() {
  const before = settings;
  [settings, packs, phrasebook] = await Promise.all([loadSettings(), loadPacks(), loadPhrasebook()]);
  if (before.engine !== settings.engine) engine = null;
  else if (engine) {
    try {
      (await engine).rebuild();
    } catch (_) {
      engine = null;
    }
  }
  tellButton(0);
  if (!enabledHere()) {
    for (const root of [...sessions.keys()]) detach(root);
    return;
  }
  for (const { handle } of sessions.values()) handle.refresh();
  const active = deepActive(document);
  if (active) attach(active);
}

// The popup's question goes to every frame of the tab and the first answer counts: a frame
// holding an editor the coach is attached to answers at once (a chat box in a frame), the top
// frame at once when it holds one itself, otherwise a moment later.
const TOP_ANSWER_DELAY_MS = 150;

function onMessage(msg, _sender, sendResponse) {
  if (!msg || msg.type !== 'kefu:status') return false;
  const answer = () => {
    const p = choosePlatform(host(), settings, (lastEntry && lastEntry.pagePlatform) || '');
    sendResponse({
      host: host(),
      enabled: enabledHere(),
      editors: sessions.size,
      platform: p.platform,
      platformSource: p.source,
      context: contextStatus(),
      // the team phrasebook in use (null: the default one), the season, and the last check's
      // situation and the ids of its templates
      phrasebook: phrasebook && typeof phrasebook.name === 'string' ? phrasebook.name : null,
      season: settings.season || '',
      situation: lastTemplates ? lastTemplates.situation : null,
      templates: lastTemplates ? lastTemplates.ids : [],
    });
  };
  if (sessions.size) {
    answer();
    return false;
  }
  if (window !== window.top) return false;
  setTimeout(answer, TOP_ANSWER_DELAY_MS);
  return true; // answering later
}

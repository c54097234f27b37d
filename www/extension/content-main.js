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
import { bumpStats, isSiteOn, loadPacks, loadSettings, onSettingsChanged, saveSettings } from './settings.js';
import { siteFor } from './sites/index.js';

const sessions = new Map(); // editor root -> { handle, seen: Set }
let settings = null;
let packs = [];
let engine = null; // Promise<{mode, check, rebuild}>

export async function start() {
  [settings, packs] = await Promise.all([loadSettings(), loadPacks()]);
  onSettingsChanged(settingsChanged);
  document.addEventListener('focusin', onFocus, true);
  ext.runtime.onMessage.addListener(onMessage);
  const active = deepActive(document);
  if (active) attach(active);
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
  if (!root || sessions.has(root) || root.closest('kefu-coach')) return;
  // The page coaches this editor itself (the trainer demo embeds the same annotator).
  if (root.hasAttribute(COACHED_ATTR)) return;
  warmUp();
  const seen = new Set();
  const entry = { seen, handle: null, lastDraft: '' };
  sessions.set(root, entry);
  entry.handle = annotate(root, {
    check,
    requireTrusted: true,
    context: () => {
      const ctx = siteFor(document, settings).context(document, settings);
      if (settings.platform !== 'auto') ctx.platform = settings.platform;
      return ctx;
    },
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
}

function detach(root) {
  const entry = sessions.get(root);
  if (!entry) return;
  clearInterval(entry.watch);
  entry.handle.destroy();
  sessions.delete(root);
}

async function check(request) {
  const e = await getEngine();
  return e.check(request);
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
      let coach = core.buildCoach(settings, packs);
      mark('content');
      return {
        mode: 'content',
        check: (req) => coach.check(req),
        rebuild() {
          const next = core.buildCoach(settings, packs);
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
  [settings, packs] = await Promise.all([loadSettings(), loadPacks()]);
  if (before.engine !== settings.engine) engine = null;
  else if (engine) {
    try {
      (await engine).rebuild();
    } catch (_) {
      engine = null;
    }
  }
  if (!enabledHere()) {
    for (const root of [...sessions.keys()]) detach(root);
    return;
  }
  for (const { handle } of sessions.values()) handle.refresh();
  const active = deepActive(document);
  if (active) attach(active);
}

function onMessage(msg, _sender, sendResponse) {
  if (!msg || msg.type !== 'kefu:status' || window !== window.top) return false;
  sendResponse({ host: host(), enabled: enabledHere(), editors: sessions.size });
  return false;
}

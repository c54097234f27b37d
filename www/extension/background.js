// The background script (Chromium: service worker; Firefox: event page). It runs the core for
// content scripts on pages whose Content-Security-Policy forbids WebAssembly in the page.
import { ext } from './browser.js';
import { buildCoach, loadCore } from './core.js';
import { loadPacks, loadSettings, onSettingsChanged } from './settings.js';
import { dropLegacyBlocked } from './blocked.js';

let coach = null; // Promise<Coach>

function getCoach() {
  if (!coach) {
    coach = (async () => {
      await loadCore(ext.runtime.getURL('pkg/kefu_coach_bg.wasm'));
      const [settings, packs] = await Promise.all([loadSettings(), loadPacks()]);
      return buildCoach(settings, packs);
    })().catch((e) => {
      coach = null;
      throw e;
    });
  }
  return coach;
}

onSettingsChanged(() => {
  const old = coach;
  coach = null;
  if (old) old.then((c) => c.free(), () => {});
});

ext.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  if (!msg || msg.type !== 'kefu:check') return false;
  getCoach()
    .then((c) => sendResponse({ report: c.check(msg.request) }))
    .catch((e) => sendResponse({ error: String((e && e.message) || e) }));
  return true; // the answer comes asynchronously
});

// After an update: earlier builds left one storage key per page that refused WebAssembly.
ext.runtime.onInstalled.addListener(() => {
  dropLegacyBlocked().catch(() => {});
});

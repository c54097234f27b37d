// The background script (Chromium: service worker; Firefox: event page). It runs the core for
// content scripts on pages whose Content-Security-Policy forbids WebAssembly in the page, and
// keeps the toolbar button per tab: the finding count of the draft being typed on the badge,
// and the grey icon where the coach is switched off for the site (the content script reports
// both: {type: 'kefu:count', count, enabled}).
import { ext } from './browser.js';
import { buildCoach, loadCore } from './core.js';
import { loadPacks, loadPhrasebook, loadSettings, onSettingsChanged } from './settings.js';
import { dropLegacyBlocked } from './blocked.js';

let coach = null; // Promise<Coach>

function getCoach() {
  if (!coach) {
    coach = (async () => {
      await loadCore(ext.runtime.getURL('pkg/kefu_coach_bg.wasm'));
      const [settings, packs, phrasebook] = await Promise.all([loadSettings(), loadPacks(), loadPhrasebook()]);
      return buildCoach(settings, packs, phrasebook);
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

const ICON_SIZES = [16, 32, 48];
const icons = (name) => Object.fromEntries(ICON_SIZES.map((s) => [s, `/icons/${name}-${s}.png`]));

/** The toolbar button of `tabId`: `count` findings on the badge (none at 0), grey when
 *  `enabled` is false, in colour when true (left as it is when not given). */
export function showOnButton(tabId, { count, enabled }) {
  const action = ext.action;
  const n = Number(count) || 0;
  const quiet = () => {};
  action.setBadgeText({ tabId, text: enabled !== false && n > 0 ? (n > 99 ? '99+' : String(n)) : '' }).catch(quiet);
  if (n > 0) action.setBadgeBackgroundColor({ tabId, color: '#ff5000' }).catch(quiet);
  if (typeof enabled !== 'boolean') return; // a frame's count: the top frame says on or off
  action.setIcon({ tabId, path: icons(enabled ? 'icon' : 'icon-off') }).catch(quiet);
  action.setTitle({ tabId, title: ext.i18n.getMessage(enabled ? 'actionTitle' : 'actionTitleOff') }).catch(quiet);
}

ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg && msg.type === 'kefu:count') {
    // Only the top frame says whether the site is on; any frame's draft gives the count.
    const tabId = sender && sender.tab && sender.tab.id;
    if (tabId != null) {
      const enabled = sender.frameId === 0 ? msg.enabled : undefined;
      showOnButton(tabId, { count: msg.count, enabled });
    }
    return false;
  }
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

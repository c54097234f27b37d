// What the user sets, where it lives, and how a change reaches every open page.
// storage.sync: preferences (small, follow the user's browser profile);
// storage.local: team packs and the team phrasebook (can be large) and today's counts.
import { ext } from './browser.js';

export const DEFAULTS = Object.freeze({
  disabledSites: [], // host names where the coach is off
  platform: 'auto', // 'auto' (from the page's site adapter) or a platform id; a marketplace's
  // own domain (taobao.com, jd.com…) picks its preset regardless (sites/context/platform.js)
  sitePlatforms: {}, // host name → platform id the user chose for that site; wins over all
  disabledRules: [],
  disabledCategories: [],
  engine: 'auto', // 'auto': core in the content script where the page allows it; 'background'
  generic: { hosts: '', customer: '', agent: '' }, // the generic site adapter's selectors
  waitLimits: {}, // platform id → seconds a customer may wait before the badge says late (a team's own)
  season: '', // the phrasebook's season: '' (平时), 'promo' (大促) or 'peak' (售后高峰): its templates first
});

/** The phrasebook seasons the core knows (`config.season`), '' being none. */
export const SEASONS = ['', 'promo', 'peak'];

/** Seconds a customer may wait for a reply before the badge marks it late, per platform. The
 *  guides ask for a quick answer and, when a case takes long, to say how long; the
 *  marketplaces rate shops on answering within three minutes (JD's chat asks for faster).
 *  A team sets its own in the options page (`waitLimits`). */
export const WAIT_LIMITS = Object.freeze({ taobao: 180, jd: 120, pdd: 180, douyin: 180, generic: 180 });

/** The wait limit in seconds for `platform` under `settings`. */
export function waitLimit(settings, platform) {
  const own = settings && settings.waitLimits && Number(settings.waitLimits[platform]);
  return own > 0 ? own : WAIT_LIMITS[platform] || WAIT_LIMITS.generic;
}

export const PLATFORMS = [
  ['auto', '自动(按网页判断)'],
  ['taobao', '淘宝/天猫'],
  ['jd', '京东'],
  ['pdd', '拼多多'],
  ['douyin', '抖音'],
  ['generic', '通用'],
];

export async function loadSettings() {
  const got = await ext.storage.sync.get(Object.keys(DEFAULTS));
  const out = {};
  for (const [k, v] of Object.entries(DEFAULTS)) out[k] = got[k] === undefined ? v : got[k];
  return out;
}

export function saveSettings(patch) {
  return ext.storage.sync.set(patch);
}

export async function loadPacks() {
  const { packs } = await ext.storage.local.get('packs');
  return Array.isArray(packs) ? packs : [];
}

export function savePacks(packs) {
  return ext.storage.local.set({ packs });
}

/** The team phrasebook (docs/contracts.md "Team phrasebook"), or null when none is stored. */
export async function loadPhrasebook() {
  const { phrasebook } = await ext.storage.local.get('phrasebook');
  return phrasebook && typeof phrasebook === 'object' && !Array.isArray(phrasebook) ? phrasebook : null;
}

/** Stores the team phrasebook; null removes it (the default one applies again). */
export function savePhrasebook(book) {
  return book ? ext.storage.local.set({ phrasebook: book }) : ext.storage.local.remove('phrasebook');
}

/** Calls `fn()` after any change to settings, packs or the phrasebook. Returns the
 *  unsubscribe function. */
export function onSettingsChanged(fn) {
  const listener = (changes, area) => {
    if (area === 'sync' || (area === 'local' && ('packs' in changes || 'phrasebook' in changes))) fn();
  };
  ext.storage.onChanged.addListener(listener);
  return () => ext.storage.onChanged.removeListener(listener);
}

export function isSiteOn(settings, host) {
  return !settings.disabledSites.includes(host);
}

const today = () => new Date().toISOString().slice(0, 10);

/** Today's counts: {date, checked, flagged, applied}. */
export async function loadStats() {
  const { stats } = await ext.storage.local.get('stats');
  return stats && stats.date === today() ? stats : { date: today(), checked: 0, flagged: 0, applied: 0 };
}

let pending = { checked: 0, flagged: 0, applied: 0 };
let timer = 0;
/** Add to today's counts; writes are batched so typing doesn't hammer storage. */
export function bumpStats(delta) {
  for (const k of Object.keys(pending)) pending[k] += delta[k] || 0;
  if (timer) return;
  timer = setTimeout(async () => {
    timer = 0;
    const add = pending;
    pending = { checked: 0, flagged: 0, applied: 0 };
    const stats = await loadStats();
    for (const k of Object.keys(add)) stats[k] += add[k];
    await ext.storage.local.set({ stats });
  }, 1000);
}

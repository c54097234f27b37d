// Pages that refused WebAssembly in the content script (Chromium, a strict Content-Security-
// Policy): remembered for a day, so the next visit goes straight to the background instead of
// making the page report another CSP violation. One storage.local entry holds them all,
// {page: time}, bounded: at most MAX_BLOCKED pages, none older than a day.
import { ext } from './browser.js';

export const BLOCKED_KEY = 'wasmBlocked';
export const BLOCKED_TTL_MS = 86400000;
export const MAX_BLOCKED = 100;
const MAX_PAGE_CHARS = 300;
// Earlier builds kept one `wasmBlocked:<page>` key per page and never removed them.
const LEGACY_PREFIX = 'wasmBlocked:';

/** The key a page is remembered under: origin and path (no query), cut to a bounded length. */
export const pageKey = (loc) => `${loc.origin}${loc.pathname}`.slice(0, MAX_PAGE_CHARS);

/** The entries still worth keeping, newest first: well-formed, younger than a day, at most `max`. */
export function pruneBlocked(map, now, max = MAX_BLOCKED) {
  const fresh = Object.entries(map && typeof map === 'object' && !Array.isArray(map) ? map : {})
    .filter(([, t]) => typeof t === 'number' && t <= now && now - t < BLOCKED_TTL_MS)
    .sort((a, b) => b[1] - a[1])
    .slice(0, max);
  return Object.fromEntries(fresh);
}

/** True when `page` refused WebAssembly less than a day ago. */
export async function isBlocked(page, now = Date.now()) {
  const { [BLOCKED_KEY]: map } = await ext.storage.local.get(BLOCKED_KEY);
  const t = map && typeof map === 'object' ? map[page] : undefined;
  return typeof t === 'number' && t <= now && now - t < BLOCKED_TTL_MS;
}

/** Remember that `page` refused WebAssembly now; drops expired and the oldest entries. */
export async function rememberBlocked(page, now = Date.now()) {
  const { [BLOCKED_KEY]: map } = await ext.storage.local.get(BLOCKED_KEY);
  const next = pruneBlocked({ ...pruneBlocked(map, now, MAX_BLOCKED - 1), [page]: now }, now);
  await ext.storage.local.set({ [BLOCKED_KEY]: next });
}

/** Remove the per-page keys of earlier versions (run once after an update). */
export async function dropLegacyBlocked() {
  const area = ext.storage.local;
  const keys = area.getKeys ? await area.getKeys() : Object.keys(await area.get(null));
  const old = keys.filter((k) => k.startsWith(LEGACY_PREFIX));
  if (old.length) await area.remove(old);
  return old.length;
}

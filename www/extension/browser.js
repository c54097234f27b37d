// The WebExtension namespace: `browser` in Firefox, `chrome` in Chromium (both promise-based
// for the calls used here).
export const ext = globalThis.browser || globalThis.chrome;

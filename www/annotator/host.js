// The single <kefu-coach> element per document: an open shadow root that holds every mark,
// badge, list and card. The host page's DOM is never touched beyond appending this element.

import { SHADOW_CSS } from './styles.js';

const TAG = 'kefu-coach';
const hosts = new WeakMap();

/** The coach's host in `doc`, created on first use: `{ host, root, layer(name) }`. */
export function getHost(doc) {
  const known = hosts.get(doc);
  if (known && known.host.isConnected) return known;
  const host = doc.createElement(TAG);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, root, SHADOW_CSS);
  (doc.documentElement || doc).appendChild(host);
  const entry = { host, root };
  hosts.set(doc, entry);
  return entry;
}

/** Remove the host when nothing uses it any more. */
export function releaseHost(doc) {
  const known = hosts.get(doc);
  if (!known) return;
  if (known.root.querySelector('[data-kefu-editor]')) return;
  known.host.remove();
  hosts.delete(doc);
}

/**
 * Put CSS into a document or shadow root without a <style> element or a style attribute,
 * so a page whose CSP forbids inline styles still renders the coach (constructable sheets
 * are not inline styles). Falls back to a <style> element on browsers without them.
 */
export function adoptStyles(doc, target, css) {
  const view = doc.defaultView;
  try {
    const Sheet = view.CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    const current = Array.from(target.adoptedStyleSheets || []);
    current.push(sheet);
    target.adoptedStyleSheets = exportArray(view, current);
    return sheet;
  } catch (_) {
    const style = doc.createElement('style');
    style.textContent = css;
    (target.head || target).appendChild(style);
    return style;
  }
}

/** Remove a sheet adopted with `adoptStyles`. */
export function dropStyles(doc, target, sheet) {
  if (!sheet) return;
  if (sheet.remove) {
    sheet.remove();
    return;
  }
  try {
    const rest = Array.from(target.adoptedStyleSheets || []).filter((s) => s !== sheet);
    target.adoptedStyleSheets = exportArray(doc.defaultView, rest);
  } catch (_) {
    /* the page replaced its sheets: nothing of ours is left to remove */
  }
}

// Firefox content scripts see the page through Xray wrappers: an array made in the
// script's compartment must be cloned into the page's before the page's setter accepts it.
function exportArray(view, arr) {
  if (typeof cloneInto === 'function') {
    const out = new view.Array();
    for (const s of arr) out.push(s);
    return out;
  }
  return arr;
}

// Underlines through the CSS Custom Highlight API: the browser paints Ranges of the page's own
// text, so nothing in the editor changes and the marks follow scrolling and wrapping by
// themselves. The ::highlight() rules must live in the page's scope: they are adopted into
// the document as a constructable sheet (allowed under a strict CSP), once per document.

import { adoptStyles, dropStyles } from '../host.js';
import { HIGHLIGHT_CSS, HIGHLIGHT_NAMES } from '../styles.js';

const shared = new WeakMap(); // document -> { sheet, highlights: {sev: Highlight}, users }

/** Whether this document's browser can paint highlights. */
export function canHighlight(doc) {
  const view = doc.defaultView;
  try {
    return !!(view.CSS && view.CSS.highlights && typeof view.Highlight === 'function');
  } catch (_) {
    return false;
  }
}

export function highlightPainter(doc) {
  const view = doc.defaultView;
  let entry = shared.get(doc);
  if (!entry) {
    const highlights = {};
    for (const [sev, name] of Object.entries(HIGHLIGHT_NAMES)) {
      const h = new view.Highlight();
      view.CSS.highlights.set(name, h);
      highlights[sev] = h;
    }
    entry = { sheet: adoptStyles(doc, doc, HIGHLIGHT_CSS), highlights, users: 0 };
    shared.set(doc, entry);
  }
  entry.users += 1;
  let mine = [];

  const clear = () => {
    for (const { sev, range } of mine) entry.highlights[sev].delete(range);
    mine = [];
  };

  return {
    /** marks: [{severity, range}] */
    paint(marks) {
      clear();
      for (const m of marks) {
        const h = entry.highlights[m.severity] || entry.highlights.hint;
        h.add(m.range);
        mine.push({ sev: m.severity in entry.highlights ? m.severity : 'hint', range: m.range });
      }
    },
    clear,
    destroy() {
      clear();
      entry.users -= 1;
      if (entry.users === 0) {
        for (const name of Object.values(HIGHLIGHT_NAMES)) view.CSS.highlights.delete(name);
        dropStyles(doc, doc, entry.sheet);
        shared.delete(doc);
      }
    },
  };
}

// DOM walking that sees what a person sees: across open shadow roots and into same-origin
// frames, skipping what is not rendered.

/** The element above `node`: its parent, the host of its shadow root, or (at the top of a
 *  same-origin frame's document) the <iframe> element holding it. */
export function parentAcross(node) {
  if (!node) return null;
  if (node.parentElement) return node.parentElement;
  const p = node.parentNode;
  if (p && p.nodeType === 11 && p.host) return p.host; // shadow root
  const doc = node.nodeType === 9 ? node : node.ownerDocument;
  if (node === doc.documentElement || p === doc) {
    try {
      return (doc.defaultView && doc.defaultView.frameElement) || null;
    } catch (_) {
      return null; // cross-origin parent
    }
  }
  return null;
}

/** The element's children as rendered: a shadow root's children (slots flattened to what they
 *  show) when it has one, else its own. */
export function kids(el) {
  const out = [];
  const from = el.shadowRoot ? el.shadowRoot.children : el.children;
  for (const c of from) {
    if (c.localName === 'slot') {
      for (const a of c.assignedElements({ flatten: true })) out.push(a);
    } else out.push(c);
  }
  return out;
}

/** The document of a same-origin frame, or null. */
export function frameDoc(el) {
  if (el.localName !== 'iframe' && el.localName !== 'frame') return null;
  try {
    const d = el.contentDocument;
    return d && d.body ? d : null;
  } catch (_) {
    return null;
  }
}

export function styleOf(el) {
  return el.ownerDocument.defaultView.getComputedStyle(el);
}

export function isVisible(el) {
  if (!el.getClientRects().length) return false;
  return styleOf(el).visibility !== 'hidden';
}

const SKIP = new Set(['script', 'style', 'template', 'noscript', 'kefu-coach', 'head', 'svg', 'textarea', 'input', 'select', 'button']);

/** Every rendered element under `root` (not `root` itself) in document order, through open
 *  shadow roots and same-origin frames, never into `exclude`. Stops after `limit` elements
 *  (the caller learns that from `budget.over`). */
export function* walk(root, exclude, budget) {
  const stack = [];
  const push = (list) => {
    for (let i = list.length - 1; i >= 0; i--) stack.push(list[i]);
  };
  const fd = frameDoc(root);
  if (fd && exclude === fd.documentElement) return; // coming up out of this frame: seen already
  push(fd ? [fd.body] : root.shadowRoot ? [...root.shadowRoot.children] : [...root.children]);
  while (stack.length) {
    const el = stack.pop();
    if (el === exclude || SKIP.has(el.localName)) continue;
    if (--budget.left < 0) {
      budget.over = true;
      return;
    }
    yield el;
    const d = frameDoc(el);
    if (d) push([d.body]);
    else if (el.shadowRoot) push([...el.shadowRoot.children]);
    else push([...el.children]);
  }
}

/** The text a person reads in `el`, through shadow roots; blocks and <br> break lines. */
export function deepText(el) {
  let out = '';
  const visit = (n) => {
    if (n.nodeType === 3) {
      out += n.data;
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 11) return;
    if (n.nodeType === 1) {
      if (SKIP.has(n.localName) && n.localName !== 'svg') return;
      if (n.localName === 'br') {
        out += '\n';
        return;
      }
      if (n.localName === 'slot') {
        for (const a of n.assignedNodes({ flatten: true })) visit(a);
        return;
      }
    }
    const from = n.nodeType === 1 && n.shadowRoot ? n.shadowRoot.childNodes : n.childNodes;
    for (const c of from) visit(c);
  };
  visit(el);
  return out.replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

/** The box of what is drawn inside `el` (text, images, avatars), not of its full-width row;
 *  `bubble`: part of it is a shape of its own (a background or border around the text, or
 *  the row itself has a background), which is what makes its side mean something. */
export function contentBox(el) {
  let l = Infinity;
  let t = Infinity;
  let r = -Infinity;
  let b = -Infinity;
  let bubble = false;
  const add = (rect) => {
    if (!rect.width && !rect.height) return;
    l = Math.min(l, rect.left);
    t = Math.min(t, rect.top);
    r = Math.max(r, rect.right);
    b = Math.max(b, rect.bottom);
  };
  const doc = el.ownerDocument;
  const elWidth = el.getBoundingClientRect().width;
  const painted = (s) => s.backgroundColor !== 'rgba(0, 0, 0, 0)' && s.backgroundColor !== 'transparent';
  const visit = (n, depth) => {
    if (n.nodeType === 3) {
      if (!n.data.trim()) return;
      const range = (n.getRootNode().ownerDocument || doc).createRange();
      range.selectNodeContents(n);
      for (const rect of range.getClientRects()) add(rect);
      return;
    }
    if (n.nodeType !== 1) return;
    if (/^(img|svg|canvas|video|picture)$/.test(n.localName)) {
      add(n.getBoundingClientRect());
      return;
    }
    if (depth > 12) return;
    const s = styleOf(n);
    if (n === el) {
      if (painted(s)) {
        add(n.getBoundingClientRect());
        bubble = true;
      }
    } else if ((painted(s) || s.borderTopStyle !== 'none') && s.display !== 'inline') {
      // a bubble: a shape around the text narrower than the row
      const rect = n.getBoundingClientRect();
      if (rect.width && rect.width < elWidth * 0.95) {
        add(rect);
        bubble = true;
      }
    }
    const from = n.shadowRoot ? n.shadowRoot.childNodes : n.childNodes;
    for (const c of from) visit(c, depth + 1);
  };
  visit(el, 0);
  if (l === Infinity) return null;
  return { left: l, top: t, right: r, bottom: b, width: r - l, height: b - t, bubble };
}

/** Class, id and the names and short values of role/aria-/data- attributes of `el` and the
 *  elements inside it (through shadow roots), as one lower-case string of words. */
export function hintWords(el, maxEls = 40) {
  const parts = [];
  let n = 0;
  const visit = (e) => {
    if (n++ > maxEls) return;
    if (typeof e.className === 'string') parts.push(e.className);
    else if (e.className && e.className.baseVal) parts.push(e.className.baseVal);
    if (e.id) parts.push(e.id);
    if (e.localName.includes('-')) parts.push(e.localName);
    for (const a of e.attributes) {
      if (a.name === 'role' || a.name.startsWith('data-') || a.name.startsWith('aria-')) {
        parts.push(a.name.replace(/^(data|aria)-/, ''));
        if (a.value.length <= 24) parts.push(a.value);
      }
    }
    const from = e.shadowRoot ? e.shadowRoot.children : e.children;
    for (const c of from) visit(c);
  };
  visit(el);
  // camelCase → camel-case, so msgIn reads as msg in
  return parts.join(' ').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

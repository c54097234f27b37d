// <textarea> and <input type=text>: the text is `.value`; positions come from a mirror — a
// hidden element in our shadow root with the control's font, padding and wrapping, whose
// text ranges have the same geometry as the control's text.

const COPIED = [
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch',
  'fontKerning', 'fontFeatureSettings', 'fontVariationSettings', 'letterSpacing',
  'wordSpacing', 'lineHeight', 'textTransform', 'textIndent', 'textAlign', 'tabSize',
  'direction', 'overflowWrap', 'wordBreak', 'lineBreak', 'paddingTop', 'paddingRight',
  'paddingBottom', 'paddingLeft',
];

export function textControlAdapter(el, root) {
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  const single = el.tagName === 'INPUT';
  const mirror = doc.createElement('div');
  mirror.className = 'mirror';
  mirror.setAttribute('aria-hidden', 'true');
  const node = doc.createTextNode('');
  mirror.appendChild(node);
  root.appendChild(mirror);
  let styleKey = '';

  function syncMirror(text) {
    const cs = view.getComputedStyle(el);
    const padL = parseFloat(cs.paddingLeft) || 0;
    const padR = parseFloat(cs.paddingRight) || 0;
    const width = Math.max(0, el.clientWidth - padL - padR);
    const key = COPIED.map((p) => cs[p]).join('|') + '|' + width;
    if (key !== styleKey) {
      styleKey = key;
      const s = mirror.style;
      for (const p of COPIED) s[p] = cs[p];
      s.width = single ? 'auto' : `${width}px`;
      s.whiteSpace = single ? 'pre' : 'pre-wrap';
      if (single) {
        // An input centres its single line vertically: give the mirror that line box.
        const padT = parseFloat(cs.paddingTop) || 0;
        const padB = parseFloat(cs.paddingBottom) || 0;
        const inner = el.clientHeight - padT - padB;
        s.height = `${inner}px`;
        s.lineHeight = `${inner}px`;
      } else {
        s.height = 'auto';
      }
    }
    // A trailing newline needs a character after it to get a line box of its own.
    const shown = text.endsWith('\n') ? text + '\u200b' : text;
    if (node.data !== shown) node.data = shown;
  }

  function origin() {
    const r = el.getBoundingClientRect();
    return {
      x: r.left + el.clientLeft - el.scrollLeft,
      y: r.top + el.clientTop - el.scrollTop,
    };
  }

  return {
    kind: single ? 'input' : 'textarea',
    el,
    text: () => el.value,
    /** Viewport rectangles of the text in [start, end). */
    rects(start, end) {
      const text = el.value;
      syncMirror(text);
      const len = node.data.length;
      const range = doc.createRange();
      range.setStart(node, Math.min(start, len));
      range.setEnd(node, Math.min(end, len));
      const m = mirror.getBoundingClientRect();
      const o = origin();
      let list = Array.from(range.getClientRects());
      if (!list.length) list = [range.getBoundingClientRect()];
      return list
        .filter((r) => start === end || r.width > 0.5)
        .map((r) => ({
          left: r.left - m.left + o.x,
          top: r.top - m.top + o.y,
          width: r.width,
          height: r.height,
        }));
    },
    /** The visible text area (padding box without scroll bars), for clipping. */
    box() {
      const r = el.getBoundingClientRect();
      return {
        left: r.left + el.clientLeft,
        top: r.top + el.clientTop,
        width: el.clientWidth,
        height: el.clientHeight,
      };
    },
    caret() {
      if (doc.activeElement !== el) return null;
      return el.selectionStart === el.selectionEnd ? el.selectionStart : null;
    },
    /** Select [start, end) (a template's placeholder, for the agent to type over). */
    select(start, end) {
      el.focus({ preventScroll: true });
      el.setSelectionRange(start, end);
      return Promise.resolve(el.selectionStart === start && el.selectionEnd === end);
    },
    /** The selection as offsets {start, end} (collapsed or not), or null when not focused. */
    selection() {
      if (doc.activeElement !== el) return null;
      return { start: el.selectionStart, end: el.selectionEnd };
    },
    /** Resolves to the way that worked ('execCommand' — one browser undo step — or 'value')
     *  or null. */
    async replace(start, end, text) {
      const before = el.value;
      const expected = before.slice(0, start) + text + before.slice(end);
      el.focus();
      el.setSelectionRange(start, end);
      let ok = false;
      try {
        ok = text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
      } catch (_) {
        ok = false;
      }
      if (ok && el.value === expected) return 'execCommand';
      // No undoable edit available (or a page blocked it): edit the value directly and tell
      // the page's framework through a real input event.
      if (el.value !== before && el.value !== expected) return null;
      if (el.value === before) {
        el.setRangeText(text, start, end, 'end');
        el.dispatchEvent(
          new view.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }),
        );
      }
      return el.value === expected ? 'value' : null;
    },
    destroy() {
      mirror.remove();
    },
  };
}

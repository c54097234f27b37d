// contenteditable roots (plain, ProseMirror, Quill): the text is read from the DOM once per
// change — text nodes in order, a line break between blocks and for each <br> that separates
// text — and kept with a map from UTF-16 offsets back to DOM positions.

const BLOCK = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE',
  'TABLE', 'TR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** Read `root`'s text: `{ text, segs: [{node, start, end}] }` (text nodes only). */
export function readText(root) {
  let text = '';
  const segs = [];
  const walk = (el) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        if (!n.data) continue;
        segs.push({ node: n, start: text.length, end: text.length + n.data.length });
        text += n.data;
      } else if (n.nodeType === 1) {
        if (SKIP.has(n.tagName)) continue;
        if (n.tagName === 'BR') {
          if (hasTextAfter(n)) text += '\n';
          continue;
        }
        const block = BLOCK.has(n.tagName);
        if (block && text && !text.endsWith('\n')) text += '\n';
        walk(n);
      }
    }
  };
  walk(root);
  return { text, segs };
}

// A <br> that ends its block is a placeholder (the block would collapse without it).
function hasTextAfter(br) {
  for (let n = br.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 3 && n.data) return true;
    if (n.nodeType === 1) return true;
  }
  return false;
}

export function richTextAdapter(el) {
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  let model = null;
  const observer = new view.MutationObserver(() => {
    model = null;
  });
  observer.observe(el, { childList: true, characterData: true, subtree: true });
  const current = () => {
    if (!model) model = readText(el);
    return model;
  };

  /** Where text goes in an empty editor: inside its innermost first element (the empty
   *  paragraph or leaf an editor renders around its <br>), not at its root: Draft.js unmounts
   *  itself when text appears outside its leaves. */
  function emptyPoint() {
    let n = el;
    while (n.firstElementChild && n.firstElementChild.localName !== 'br') n = n.firstElementChild;
    return { node: n, offset: 0 };
  }

  /** DOM point for an offset; at a boundary, `after` prefers the following text node. */
  function point(offset, after) {
    const { segs } = current();
    if (!segs.length) return emptyPoint();
    let best = null;
    for (const s of segs) {
      if (offset >= s.start && offset <= s.end) {
        if (!after || offset < s.end) return { node: s.node, offset: offset - s.start };
        best = { node: s.node, offset: offset - s.start };
      } else if (s.start > offset) {
        return after || !best ? { node: s.node, offset: 0 } : best;
      }
    }
    if (best) return best;
    const last = segs[segs.length - 1];
    return { node: last.node, offset: last.node.data.length };
  }

  function range(start, end) {
    const r = doc.createRange();
    const a = point(start, true);
    const b = start === end ? a : point(end, false);
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }

  function offsetOf(node, off) {
    const { segs } = current();
    if (node.nodeType === 3) {
      const s = segs.find((x) => x.node === node);
      if (s) return s.start + Math.min(off, s.end - s.start);
    }
    // An element position: the first text after it, or the end of the last text before it.
    const probe = doc.createRange();
    probe.setStart(node, off);
    let last = 0;
    for (const s of segs) {
      if (probe.comparePoint(s.node, 0) >= 0) return s.start;
      last = s.end;
    }
    return last;
  }

  /** Resolves a task after the next frame (or after 60 ms: no frames in a hidden tab), when
   *  editors that render from a model (Lexical, Slate's React tree, CKEditor 5) have rendered
   *  an edit or taken in a selection. */
  function later() {
    return new Promise((resolve) => {
      let done = false;
      const go = () => {
        if (!done) {
          done = true;
          resolve();
        }
      };
      view.requestAnimationFrame(() => view.setTimeout(go, 0));
      view.setTimeout(go, 60);
    });
  }

  /** Resolves when the document next dispatches selectionchange, or after `ms`. Editors
   *  that keep a model take a DOM selection in on that event, and Firefox under load
   *  dispatches it after a frame and a task have passed. */
  function selectionchange(ms) {
    return new Promise((resolve) => {
      const go = () => {
        doc.removeEventListener('selectionchange', go);
        view.clearTimeout(timer);
        resolve();
      };
      doc.addEventListener('selectionchange', go);
      const timer = view.setTimeout(go, ms);
    });
  }

  /** The selection as offsets {start, end} (collapsed or not), or null when it is elsewhere. */
  function selection() {
    const sel = view.getSelection();
    if (!sel || !sel.rangeCount) return null;
    const r = sel.getRangeAt(0);
    if (!el.contains(r.startContainer) || !el.contains(r.endContainer)) return null;
    model = null;
    return { start: offsetOf(r.startContainer, r.startOffset), end: offsetOf(r.endContainer, r.endOffset) };
  }

  return {
    kind: 'rich',
    el,
    text: () => current().text,
    range,
    rects(start, end) {
      const r = range(start, end);
      let list = Array.from(r.getClientRects());
      if (!list.length) list = [r.getBoundingClientRect()];
      return list
        .filter((x) => start === end || x.width > 0.5)
        .map((x) => ({ left: x.left, top: x.top, width: x.width, height: x.height }));
    },
    box() {
      const r = el.getBoundingClientRect();
      return {
        left: r.left + el.clientLeft,
        top: r.top + el.clientTop,
        width: el.clientWidth || r.width,
        height: el.clientHeight || r.height,
      };
    },
    caret() {
      const sel = view.getSelection();
      if (!sel || !sel.rangeCount || !sel.isCollapsed) return null;
      if (!el.contains(sel.anchorNode)) return null;
      return offsetOf(sel.anchorNode, sel.anchorOffset);
    },
    /** Select [start, end) (a template's placeholder, for the agent to type over). Editors
     *  that keep a model take the DOM selection in on selectionchange, a task later: resolves
     *  after that, to whether the selection is still there. */
    async select(start, end) {
      el.focus({ preventScroll: true });
      const before = current().text;
      const want = before.slice(start, end);
      // An editor still rendering the edit before (Draft.js) puts its own selection back when
      // it renders: select again until the selection stays, but never once the text changes
      // (the agent is typing over it).
      for (let i = 0; i < 4; i++) {
        const sel = view.getSelection();
        sel.removeAllRanges();
        sel.addRange(range(start, end));
        await later();
        model = null;
        if (current().text !== before) return false;
        const now = view.getSelection();
        if (now && now.rangeCount && el.contains(now.anchorNode) && String(now) === want) return true;
      }
      return false;
    },
    /** The selection as offsets {start, end} (collapsed or not), or null when it is elsewhere. */
    selection,
    /** Replace [start, end) with `text` through the editor's own input pipeline, trying one
     *  way after another and reading the text back after each: resolves to the way that
     *  worked ('beforeinput', 'paste', 'execCommand', 'dom') or null when none did (the text is then
     *  as before, or the editor made an edit of its own that we don't try to repair). */
    async replace(start, end, text) {
      const before = current().text;
      const expected = before.slice(0, start) + text + before.slice(end);
      const read = () => {
        model = null;
        return current().text;
      };
      el.focus({ preventScroll: true });
      const select = () => {
        const sel = view.getSelection();
        sel.removeAllRanges();
        sel.addRange(range(start, end));
      };
      // Editors keep a model and render it: some (Lexical, Slate's React tree) re-render a
      // task later, some (CKEditor 5) revert a DOM edit they did not make a moment later.
      // Wait that long before believing what the DOM says.
      // The caret goes after the new text (an editor that kept the span selected, like
      // Draft.js, or put it elsewhere, gets it moved there; the model follows on
      // selectionchange).
      const done = async (how) => {
        const at = start + text.length;
        const sel = view.getSelection();
        const c = sel && sel.rangeCount && sel.isCollapsed && el.contains(sel.anchorNode) ? offsetOf(sel.anchorNode, sel.anchorOffset) : null;
        if (c !== at) {
          sel.removeAllRanges();
          sel.addRange(range(at, at));
          await later();
        }
        return how;
      };
      const settled = async () => {
        let t = read();
        if (t === before || t === expected) {
          await later();
          t = read();
        }
        return t;
      };

      // Editors mirror the DOM selection into their model on selectionchange, a task later;
      // a selection change also closes the undo step being typed (CKEditor 5, Draft.js).
      // Wait for the event itself: an edit that reaches CKEditor 5 before it has the new
      // selection joins the typing's undo step, and one Ctrl+Z then takes the draft too
      // (Firefox under load: 1 apply in 20).
      const was = selection();
      const taken = was && was.start === start && was.end === end ? null : selectionchange(300);
      select();
      await taken;
      await later();
      // TinyMCE keeps what is being typed out of its undo levels until a non-typing event:
      // a mousedown in its body commits it, so Ctrl+Z after the apply returns exactly here.
      const tiny = el.classList.contains('mce-content-body');
      const ck = el.classList.contains('ck-editor__editable');
      if (tiny) el.dispatchEvent(new view.MouseEvent('mousedown', { bubbles: true, cancelable: true }));

      // 1. beforeinput/insertReplacementText with a target range over the span: what
      //    CKEditor 5, Lexical, Slate and Quill 2 handle themselves, as one undo step.
      select();
      const dt = new view.DataTransfer();
      dt.setData('text/plain', text);
      const ev = new view.InputEvent('beforeinput', {
        bubbles: true,
        cancelable: true,
        composed: true,
        inputType: 'insertReplacementText',
        data: text,
        dataTransfer: dt,
        targetRanges: [new view.StaticRange(range(start, end))],
      });
      el.dispatchEvent(ev);
      let now = ev.defaultPrevented ? await settled() : read();
      // CKEditor 5 in Firefox takes the edit into its model without preventing the default, and
      // renders it up to a few hundred ms later (after a selection it has just been given):
      // trying another way before that would make the edit twice.
      for (let i = 0; ck && now === before && i < 12; i++) {
        await later();
        now = read();
      }
      if (now === expected) return done('beforeinput');
      if (now !== before) return null;

      // 1b. Draft.js, empty: the browser's own edit (2) replaces the <br> it renders in its
      //     empty block, and React unmounts the whole editor when it finds that node gone.
      //     A paste of the plain text goes into its model instead (one undo step).
      if (!before && el.classList.contains('public-DraftEditor-content')) {
        select();
        const paste = new view.ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true, clipboardData: new view.DataTransfer() });
        // Firefox ignores clipboardData in the constructor: the event's own one is used there.
        if (paste.clipboardData) paste.clipboardData.setData('text/plain', text);
        if (paste.clipboardData && paste.clipboardData.getData('text/plain') === text) {
          el.dispatchEvent(paste);
          now = paste.defaultPrevented ? await settled() : read();
          if (now === expected) return done('paste');
          if (now !== before) return null;
        }
      }

      // 2. execCommand: the browser edits the DOM and records one undo step; editors that
      //    watch the DOM (ProseMirror, Draft.js, plain contenteditable) take it in.
      select();
      let ok = false;
      try {
        ok = text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
      } catch (_) {
        ok = false;
      }
      now = await settled();
      if (now === expected) {
        // …and TinyMCE makes the edit an undo level of its own on this input type, as it
        // does for the browser's spelling replacement.
        if (tiny) el.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
        return done(ok ? 'execCommand' : 'dom');
      }
      if (now !== before) return null;

      // 3. Last resort: edit the DOM ourselves (not undoable by the browser) and say so with
      //    an input event.
      const r = range(start, end);
      r.deleteContents();
      if (text) {
        const t = doc.createTextNode(text);
        r.insertNode(t);
        const sel = view.getSelection();
        sel.removeAllRanges();
        const after = doc.createRange();
        after.setStartAfter(t);
        sel.addRange(after);
      }
      el.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
      now = await settled();
      return now === expected ? done('dom') : null;
    },
    destroy() {
      observer.disconnect();
    },
  };
}

// Kefu Coach's annotator: attach to one editor, check its text as it changes, draw the
// findings without touching the editor's DOM, and apply a suggestion as an undoable edit.
// Shared by the browser extension and the trainer demo page.

import { getHost, releaseHost } from './host.js';
import { textControlAdapter } from './editors/textcontrol.js';
import { richTextAdapter } from './editors/richtext.js';
import { overlayPainter } from './paint/overlay.js';
import { canHighlight, highlightPainter } from './paint/highlights.js';
import { badgeView } from './ui/badge.js';
import { cardView } from './ui/card.js';
import { findingView } from './ui/finding.js';
import { placeholders, templatesView } from './ui/templates.js';

export { isEligibleEditor, editorRoot } from './eligible.js';
export { readText } from './editors/richtext.js';

/** Name of the performance measure recorded from an input event to its drawn findings. */
export const LATENCY_MEASURE = 'kefu-coach:input-to-highlight';

/** The shortcut that moves to the next finding and opens its card (Shift: the previous one),
 *  from inside the editor. Alt+J: no browser, OS or Chinese IME binds it (Ctrl+. and
 *  Ctrl+Space switch IME modes). The README's 快捷键 section documents it. */
export const NEXT_KEY = { label: 'Alt+J', code: 'KeyJ' };
/** Whether `e` is Alt (with or without Shift) and `key`'s letter, by position or by character. */
const isAltKey = (e, key) =>
  e.altKey && !e.ctrlKey && !e.metaKey && (e.code === key.code || e.key.toUpperCase() === key.code.slice(3));
const isNextKey = (e) => isAltKey(e, NEXT_KEY);

/** The shortcut that walks the phrasebook's templates for the customer's situation in the
 *  badge's panel (Shift: backwards); Enter inserts the one picked. Alt+K, for the same reasons
 *  as Alt+J (Alt+digits switch tabs in Chrome and Firefox on Linux). */
export const TEMPLATE_KEY = { label: 'Alt+K', code: 'KeyK' };
const isTemplateKey = (e) => isAltKey(e, TEMPLATE_KEY);

/** Set on an editor while an annotator is attached to it. */
export const COACHED_ATTR = 'data-kefu-coached';

const WATCH_MS = 400;

/** The longest text checked as a whole on each change (UTF-16 units). A longer draft (a pasted
 *  order history) is checked in a window of this size around the caret, so that every
 *  keystroke stays within a frame (20,000 characters: ~14 ms in Chromium), and the badge says
 *  so. */
export const LIVE_LIMIT = 20000;

/** The part of `text` to check: all of it, or LIVE_LIMIT units around `caret`, never splitting a
 *  surrogate pair. */
export function liveWindow(text, caret) {
  if (text.length <= LIVE_LIMIT) return { start: 0, end: text.length };
  const at = caret === null || caret === undefined ? 0 : Math.min(Math.max(caret, 0), text.length);
  let start = Math.max(0, Math.min(at - LIVE_LIMIT / 2, text.length - LIVE_LIMIT));
  let end = start + LIVE_LIMIT;
  const low = (i) => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00;
  if (low(start)) start += 1;
  if (low(end)) end -= 1;
  return { start, end };
}
let seq = 0;

/** Attach the coach to one editor: textarea, input[type=text], or a contenteditable root
 *  (ProseMirror/Quill roots included). Draws into the single <kefu-coach> host (created on first use).
 *  opts.check(request) -> Report | Promise<Report>; request = {draft, customer, first_reply, agent_since, previous_reply, platform}
 *  opts.context() -> {customer, first_reply, agent_since, previous_reply, platform}   (read before each check; optional)
 *  opts.onReport?(report, draft)    called after each completed check
 *  opts.onDisableRule?(ruleId)      "turn this rule off" clicked (the caller persists it)
 *  opts.onApply?(finding, text)    a suggestion was applied
 *  opts.onInsert?(template)         a template (report.templates) was inserted
 *  opts.onError?(error)             a check failed (optional; the badge shows it too)
 *  opts.highlights                  false: draw with the overlay even where the CSS Custom
 *                                   Highlight API exists
 *  opts.requireTrusted              true: only real user input acts (event.isTrusted) — the
 *                                   badge, the card's and the list's buttons, Alt+Enter and
 *                                   Escape, and the caret or pointer opening the card; a page
 *                                   script's synthetic click or key does nothing. The extension
 *                                   sets it (the page is not the user); a page embedding the
 *                                   annotator itself (the demo) may leave it off.
 *  returns { refresh(): Promise<void>, setWait(since, limit): void, destroy(): void }
 *  setWait: the customer has waited since `since` (ms since the epoch; null: unknown); the
 *  badge shows it, ticking, and marks it late past `limit` seconds. */
export function annotate(editor, opts) {
  if (!editor || editor.nodeType !== 1) throw new TypeError('annotate: editor must be an element');
  if (!opts || typeof opts.check !== 'function') throw new TypeError('annotate: opts.check is required');
  const doc = editor.ownerDocument;
  const view = doc.defaultView;
  const { root } = getHost(doc);
  const group = doc.createElement('div');
  group.dataset.kefuEditor = String(++seq);
  root.appendChild(group);
  // Marks the editor as coached, so a second annotator (the extension on a page that already
  // embeds the coach, like the demo) leaves it alone instead of drawing everything twice.
  editor.setAttribute(COACHED_ATTR, '');

  const textControl = editor.tagName === 'TEXTAREA' || editor.tagName === 'INPUT';
  const adapter = textControl ? textControlAdapter(editor, group) : richTextAdapter(editor);
  let hl = null;
  if (!textControl && opts.highlights !== false && canHighlight(doc)) {
    try {
      hl = highlightPainter(doc);
    } catch (_) {
      hl = null; // e.g. a content-script sandbox that can't reach the page's registry
    }
  }
  group.dataset.paint = hl ? 'highlight' : 'overlay';
  const overlay = overlayPainter(doc, group);
  // Whether an event may act: always, unless opts.requireTrusted asks for real user input.
  const allow = (e) => !opts.requireTrusted || !!(e && e.isTrusted);
  const handlers = { apply, ignore, disable, allow };
  // The phrasebook's templates for the customer's situation, in the badge's panel.
  const templates = templatesView(doc, { insert: insertTemplate, allow });
  const badge = badgeView(
    doc,
    group,
    (e) => {
      if (!allow(e)) return;
      unpick();
      badge.open(!badge.isOpen());
      layout();
    },
    templates.el,
  );
  const card = cardView(doc, group, handlers);
  // Read out by screen readers: the card opened from the keyboard, an apply's outcome.
  const live = doc.createElement('div');
  live.className = 'sr';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  live.dataset.kefuLive = '';
  group.appendChild(live);
  const announce = (msg) => {
    live.textContent = msg;
  };

  let report = null;
  let draft = '';
  let shown = [];
  let checks = 0;
  let composing = false;
  let inFlight = false;
  let pending = false;
  let force = false;
  let inputAt = null;
  let destroyed = false;
  let layoutQueued = false;
  let rectCache = null;
  let signature = '';
  let waiters = [];
  const ignored = new Set();
  const disabled = new Set();

  // ---- checking ------------------------------------------------------------------------

  function schedule(forced = false) {
    if (destroyed) return;
    if (forced) force = true;
    if (inFlight) {
      pending = true;
      return;
    }
    inFlight = true;
    Promise.resolve().then(run);
  }

  async function run() {
    if (destroyed) return;
    if (composing) {
      inFlight = false;
      return; // compositionend schedules the check
    }
    const text = adapter.text();
    if (text === draft && report && !force) {
      inFlight = false;
      settle();
      return;
    }
    force = false;
    let ctx = {};
    try {
      ctx = (opts.context && opts.context()) || {};
    } catch (_) {
      ctx = {};
    }
    let caret = null;
    try {
      caret = adapter.caret();
    } catch (_) {
      caret = null;
    }
    const win = liveWindow(text, caret);
    const request = {
      draft: win.start === 0 && win.end === text.length ? text : text.slice(win.start, win.end),
      customer: ctx.customer || '',
      first_reply: !!ctx.first_reply,
      agent_since: ctx.agent_since || '',
      previous_reply: ctx.previous_reply || '',
      platform: ctx.platform || undefined,
    };
    let result = null;
    let error = null;
    try {
      result = await opts.check(request);
      if (result && win.start > 0) {
        const shift = (f) => ({ ...f, start: f.start + win.start, end: f.end + win.start });
        result = { ...result, findings: result.findings.map(shift) };
      }
      if (result && win.end - win.start < text.length) result = { ...result, window: { ...win, length: text.length } };
    } catch (e) {
      error = e;
    }
    inFlight = false;
    if (destroyed) return;
    if (error) {
      group.dataset.error = String((error && error.message) || error);
      badge.badge.title = `话术教练:检查失败(${group.dataset.error})`;
      if (opts.onError) opts.onError(error);
    } else if (composing || adapter.text() !== text) {
      pending = true; // the text moved on while we checked: the result is stale
    } else {
      delete group.dataset.error;
      checks += 1;
      report = result;
      draft = text;
      if (!draft) ignored.clear();
      render();
      measure();
      if (opts.onReport) opts.onReport(report, draft);
    }
    if (pending && !composing) {
      pending = false;
      schedule();
    } else {
      settle();
    }
  }

  function settle() {
    const w = waiters;
    waiters = [];
    for (const r of w) r();
  }

  function measure() {
    if (inputAt === null) return;
    const start = inputAt;
    inputAt = null;
    const perf = view.performance;
    try {
      perf.measure(LATENCY_MEASURE, { start, end: perf.now() });
      // Observers have the entry; don't let 1,000 edits grow the page's timeline buffer.
      perf.clearMeasures(LATENCY_MEASURE);
    } catch (_) {
      /* old browsers without measure options: no latency numbers */
    }
  }

  // ---- drawing -------------------------------------------------------------------------

  const keyOf = (f) => `${f.rule}\u0000${draft.slice(f.start, f.end)}`;

  function render() {
    shown = (report ? report.findings : []).filter((f) => !disabled.has(f.rule) && !ignored.has(keyOf(f)));
    group.dataset.checks = String(checks);
    badge.badge.dataset.checks = String(checks);
    badge.update(shown, report, !draft.trim());
    badge.list.replaceChildren(...shown.map((f) => findingView(doc, f, draft, handlers)));
    const offered = (report && report.templates) || [];
    templates.update(offered, report && report.situation, TEMPLATE_KEY.label);
    if (picked >= offered.length) unpick();
    else templates.pick(picked);
    if (card.finding && !shown.includes(card.finding)) card.hide();
    if (!shown.length) card.hide();
    layout();
  }

  function layout() {
    if (destroyed || composing) return;
    rectCache = null;
    const box = adapter.box();
    const visible = editor.isConnected && box.width > 0 && box.height > 0 && checks > 0;
    const spans = hl ? shown.filter((f) => f.start === f.end) : shown;
    if (hl) hl.paint(shown.filter((f) => f.start < f.end).map((f) => ({ severity: f.severity, range: adapter.range(f.start, f.end) })));
    overlay.paint(
      visible ? spans.map((f) => ({ severity: f.severity, start: f.start, end: f.end, rects: adapter.rects(f.start, f.end) })) : [],
      box,
    );
    badge.place(box, visible);
    signature = layoutSignature();
  }

  function requestLayout() {
    if (layoutQueued || destroyed) return;
    layoutQueued = true;
    view.requestAnimationFrame(() => {
      layoutQueued = false;
      layout();
    });
  }

  function layoutSignature() {
    const r = editor.getBoundingClientRect();
    const cs = view.getComputedStyle(editor);
    return [r.left, r.top, r.width, r.height, editor.scrollLeft, editor.scrollTop, cs.font, cs.letterSpacing, cs.whiteSpace].join('|');
  }

  function rects() {
    if (!rectCache) rectCache = shown.map((f) => ({ f, rects: adapter.rects(f.start, f.end) }));
    return rectCache;
  }

  // ---- actions -------------------------------------------------------------------------

  let applying = false;
  async function apply(f, i) {
    const text = f.suggestions && f.suggestions[i];
    if (typeof text !== 'string' || applying) return;
    if (adapter.text() !== draft) {
      schedule(); // the findings are out of date: redraw instead of editing the wrong words
      return;
    }
    const at = adapter.rects(f.start, f.end)[0] || null;
    card.hide();
    badge.open(false);
    inputAt = view.performance.now();
    applying = true;
    let how = null;
    try {
      how = await adapter.replace(f.start, f.end, text);
    } catch (_) {
      how = null;
    }
    applying = false;
    if (destroyed) return;
    group.dataset.applied = how || 'failed';
    if (how) {
      announce(`已替换为“${text}”。`);
      // A suggestion with a placeholder (活动截止到【截止时间】): select it to be filled in.
      await beginFill(f.start, f.start + text.length);
      if (opts.onApply) opts.onApply(f, text);
    } else {
      await cannotApply(f, text, at);
    }
    schedule();
  }

  /** No way of editing worked: never let the agent believe it did. Copy the suggestion and
   *  say so on the card, where the agent was looking. */
  async function cannotApply(f, text, at) {
    const copied = await copyForPasting(text);
    const words = f.start === f.end ? '此处' : `“${draft.slice(f.start, f.end)}”`;
    const note = copied
      ? `没能替换:这个输入框不接受自动修改。建议已复制,请选中${words}后按 Ctrl+V 粘贴。`
      : `没能替换:这个输入框不接受自动修改。请手动把${words}改为“${text}”。`;
    const r = at || adapter.rects(f.start, f.end)[0] || adapter.box();
    card.show(f, draft, r, 'notice');
    card.notice(note);
    announce(note);
  }

  /** When no way of editing worked: put `text` on the clipboard for the agent to paste.
   *  Whether it could (data-copied says so too). */
  async function copyForPasting(text) {
    let copied = false;
    try {
      await view.navigator.clipboard.writeText(text);
      copied = true;
    } catch (_) {
      copied = false;
    }
    group.dataset.copied = String(copied);
    return copied;
  }

  /** The editor's selection as offsets, or null (none, or the adapter can't tell). */
  function selectionOrNull() {
    try {
      return adapter.selection();
    } catch (_) {
      return null;
    }
  }

  // ---- templates and their placeholders ------------------------------------------------

  let picked = -1; // the template TEMPLATE_KEY picked in the panel, -1: none
  let filling = false; // a template was inserted: Tab goes to its next 【…】

  function unpick() {
    if (picked < 0) return;
    picked = -1;
    templates.pick(-1);
  }

  /** Pick the next (dir 1) or previous (-1) template in the panel, opened from the keyboard. */
  function nextTemplate(dir) {
    const n = templates.count;
    if (destroyed || !n) {
      announce('没有这类问题的推荐话术。');
      return;
    }
    card.hide();
    picked = picked < 0 ? (dir > 0 ? 0 : n - 1) : (picked + dir + n) % n;
    const t = templates.pick(picked);
    badge.open(true);
    layout();
    announce(`推荐话术第 ${picked + 1} 条,共 ${n} 条:${t.text}。按 Enter 插入,按 Esc 关闭。`);
  }

  /** Insert template `t`: in place of an empty draft or of the selection, else at the caret
   *  (at the end when the editor has none); then select its first placeholder. */
  async function insertTemplate(t) {
    if (destroyed || applying || !t || typeof t.text !== 'string') return;
    const text = adapter.text();
    const sel = selectionOrNull();
    const [start, end] = !text.trim() ? [0, text.length] : sel ? [sel.start, sel.end] : [text.length, text.length];
    unpick();
    card.hide();
    templates.notice(null);
    inputAt = view.performance.now();
    applying = true;
    let how = null;
    try {
      how = await adapter.replace(start, end, t.text);
    } catch (_) {
      how = null;
    }
    applying = false;
    if (destroyed) return;
    group.dataset.inserted = how ? t.id : 'failed';
    group.dataset.applied = how || 'failed';
    if (how) {
      badge.open(false);
      announce('已插入推荐话术。');
      await beginFill(start, start + t.text.length);
      if (opts.onInsert) opts.onInsert(t);
    } else {
      const note = (await copyForPasting(t.text))
        ? '没能插入:这个输入框不接受自动修改。话术已复制,请按 Ctrl+V 粘贴。'
        : '没能插入:这个输入框不接受自动修改。请手动输入这段话术。';
      templates.notice(note);
      announce(note);
      layout();
    }
    schedule();
  }

  /** After inserting [start, end): select its first 【…】, and let Tab go to the next. */
  async function beginFill(start, end) {
    const first = placeholders(adapter.text()).find((p) => p.start >= start && p.end <= end);
    filling = !!first;
    if (first) await selectPlaceholder(first.start, 1);
  }

  /** Select the next placeholder at or after `from` (dir 1), or the last one ending at or
   *  before it (-1), wrapping around; false when the draft has none left. */
  async function selectPlaceholder(from, dir) {
    const text = adapter.text();
    const all = placeholders(text);
    if (!all.length) {
      filling = false;
      delete group.dataset.placeholder;
      return false;
    }
    const p = (dir > 0 ? all.find((x) => x.start >= from) : all.filter((x) => x.end <= from).pop()) || (dir > 0 ? all[0] : all[all.length - 1]);
    let ok = false;
    try {
      ok = await adapter.select(p.start, p.end);
    } catch (_) {
      ok = false;
    }
    if (destroyed) return false;
    group.dataset.placeholder = ok ? `${p.start}-${p.end}` : 'failed';
    const more = all.length > 1 ? `,按 Tab 到下一个(共 ${all.length} 个)` : '';
    announce(`请填写${text.slice(p.start, p.end)}${more}。`);
    return ok;
  }

  function ignore(f) {
    ignored.add(keyOf(f));
    card.hide();
    render();
  }

  function disable(f) {
    disabled.add(f.rule);
    card.hide();
    render();
    if (opts.onDisableRule) opts.onDisableRule(f.rule);
  }

  // ---- events --------------------------------------------------------------------------

  const listeners = [];
  const on = (target, type, fn, o) => {
    target.addEventListener(type, fn, o);
    listeners.push([target, type, fn, o]);
  };

  on(editor, 'input', (e) => {
    if (e.isComposing || composing) return;
    inputAt = e.timeStamp || view.performance.now();
    schedule();
  });
  // Editors that take the keystroke from beforeinput and render it themselves (Slate, Lexical,
  // CKEditor 5) fire no input event: the latency is measured from the keystroke's beforeinput
  // (capture phase: an editor may stop its propagation).
  on(
    editor,
    'beforeinput',
    (e) => {
      if (e.isComposing || composing) return;
      inputAt = e.timeStamp || view.performance.now();
    },
    true,
  );
  // Capture phase: before the editor's own handler, which may change the DOM at once (Lexical
  // inserts a zero-width space) and so trigger a check in the middle of the composition.
  on(
    editor,
    'compositionstart',
    () => {
      composing = true;
      card.hide();
    },
    true,
  );
  on(editor, 'compositionend', (e) => {
    composing = false;
    inputAt = e.timeStamp || view.performance.now();
    schedule();
  });
  on(editor, 'focus', () => schedule());
  // Keyboard (capture phase: the card's keys must win over the editor framework's own Enter,
  // which in a chat console sends the message). NEXT_KEY opens the next finding's card
  // without moving focus out of the editor; while a card is open, Enter (card opened from the
  // keyboard) or Alt+Enter applies its first suggestion and Escape closes it. Nothing acts
  // while an IME is composing: there Enter and Escape belong to the IME.
  on(
    editor,
    'keydown',
    (e) => {
      if (!allow(e) || e.isComposing || composing || e.keyCode === 229) return;
      if (isNextKey(e)) {
        e.preventDefault();
        e.stopPropagation();
        unpick();
        nextFinding(e.shiftKey ? -1 : 1);
        return;
      }
      if (isTemplateKey(e)) {
        e.preventDefault();
        e.stopPropagation();
        nextTemplate(e.shiftKey ? -1 : 1);
        return;
      }
      if (picked >= 0 && badge.isOpen()) {
        const plain = !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
        if (e.key === 'Enter' && plain) {
          e.preventDefault();
          e.stopPropagation();
          insertTemplate(templates.pick(picked));
          return;
        }
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          unpick();
          badge.open(false);
          announce('');
          return;
        }
      }
      if (filling && e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey) {
        const sel = selectionOrNull();
        if (sel && placeholders(adapter.text()).length) {
          e.preventDefault();
          e.stopPropagation();
          selectPlaceholder(e.shiftKey ? sel.start : sel.end, e.shiftKey ? -1 : 1);
          return;
        }
        filling = false; // every placeholder is filled in: Tab does what it always does
      }
      if (e.key === 'Escape' && filling) filling = false;
      if (e.key === 'Escape' && caretFrame) {
        view.cancelAnimationFrame(caretFrame); // a caret card still to open: not any more
        caretFrame = 0;
      }
      if (!card.finding) return;
      const f = card.finding;
      const canApply = f.suggestions && f.suggestions.length && card.via !== 'notice';
      if (e.key === 'Escape') {
        if (card.via === 'key' || card.via === 'notice') {
          e.preventDefault();
          e.stopPropagation();
        }
        card.hide();
        announce('');
      } else if (e.key === 'Enter' && canApply && (e.altKey || (card.via === 'key' && !e.shiftKey && !e.ctrlKey && !e.metaKey))) {
        e.preventDefault();
        e.stopPropagation();
        apply(f, 0);
      }
    },
    true,
  );
  // Typing on closes a card opened from the keyboard (its offsets are out of date), and the
  // panel opened to pick a template.
  on(editor, 'input', () => {
    if (card.via === 'key' || card.via === 'notice') card.hide();
    if (picked >= 0 && !applying) {
      unpick();
      badge.open(false);
    }
  });
  on(editor, 'blur', () => {
    filling = false;
  });

  /** Move to the next (dir 1) or previous (-1) finding from the caret and open its card. */
  function nextFinding(dir) {
    if (destroyed || !shown.length || adapter.text() !== draft) {
      announce(shown.length ? '' : '没有需要修改的地方。');
      return;
    }
    const order = shown.slice().sort((a, b) => a.start - b.start || a.end - b.end);
    let i = card.finding && card.via === 'key' ? order.indexOf(card.finding) : -1;
    if (i < 0) {
      let c = null;
      try {
        c = adapter.caret();
      } catch (_) {
        c = null;
      }
      if (c === null) c = dir > 0 ? -1 : Infinity;
      i = dir > 0 ? order.findIndex((f) => f.end > c) : order.map((f) => f.start < c).lastIndexOf(true);
      if (i < 0) i = dir > 0 ? 0 : order.length - 1;
    } else {
      i = (i + dir + order.length) % order.length;
    }
    const f = order[i];
    const r = adapter.rects(f.start, f.end)[0] || adapter.box();
    card.show(f, draft, r, 'key');
    const tip = f.suggestions && f.suggestions.length ? `按 Enter 改为“${f.suggestions[0]}”,` : '';
    announce(`第 ${i + 1} 条,共 ${order.length} 条:${f.message}${tip}按 Esc 关闭。`);
  }

  // A frame later: editors that move the caret themselves (Slate handles the arrows and sets
  // the DOM selection when React renders) have put it in place by then.
  let caretFrame = 0;
  on(editor, 'keyup', (e) => {
    if (!allow(e) || !/^(Arrow|Home|End|Page)/.test(e.key) || caretFrame) return;
    caretFrame = view.requestAnimationFrame(() => {
      caretFrame = 0;
      caretCard();
    });
  });
  on(editor, 'mouseup', (e) => {
    if (allow(e)) view.setTimeout(caretCard, 0);
  });
  on(view, 'scroll', requestLayout, { capture: true, passive: true });
  on(view, 'resize', requestLayout, { passive: true });
  on(doc, 'mousemove', onPointer, { passive: true });

  const resizeObserver = new view.ResizeObserver(requestLayout);
  resizeObserver.observe(editor);
  const mutationObserver = textControl
    ? null
    : new view.MutationObserver(() => {
        if (composing) return;
        if (adapter.text() !== draft) schedule();
        else requestLayout();
      });
  if (mutationObserver) mutationObserver.observe(editor, { childList: true, characterData: true, subtree: true });
  // Catches what no event reports: a framework resetting the value, a font swap, the editor
  // leaving the page.
  const watch = view.setInterval(() => {
    if (!editor.isConnected) {
      api.destroy();
      return;
    }
    if (composing || doc.hidden) return;
    if (checks > 0 && !inFlight && adapter.text() !== draft) schedule();
    else if (layoutSignature() !== signature) layout();
  }, WATCH_MS);

  let pointerQueued = false;
  let lastPointer = null;
  function onPointer(e) {
    if (!allow(e)) return;
    lastPointer = e;
    if (pointerQueued) return;
    pointerQueued = true;
    view.requestAnimationFrame(() => {
      pointerQueued = false;
      hover(lastPointer);
    });
  }

  function hover(e) {
    if (destroyed || composing || !shown.length) return;
    const path = e.composedPath ? e.composedPath() : [];
    if (path.includes(card.el)) return;
    const x = e.clientX;
    const y = e.clientY;
    for (const { f, rects: rs } of rects()) {
      for (const r of rs) {
        const pad = f.start === f.end ? 4 : 1;
        if (x >= r.left - pad && x <= r.left + r.width + pad && y >= r.top - 1 && y <= r.top + r.height + 3) {
          card.show(f, draft, r, 'pointer');
          return;
        }
      }
    }
    if (card.finding && card.via === 'pointer') card.hideSoon();
  }

  function caretCard() {
    if (destroyed || composing || adapter.text() !== draft) return;
    const c = adapter.caret();
    if (c === null) return;
    const f = shown.find((x) => (x.start === x.end ? c === x.start : c > x.start && c < x.end));
    if (!f) {
      if (card.via === 'caret') card.hide();
      return;
    }
    const r = adapter.rects(f.start, f.end)[0];
    if (r) card.show(f, draft, r, 'caret');
  }

  // The editor may already hold text (a draft restored by the page, or typed before the
  // coach loaded): check it once right away.
  schedule();

  // The wait timer: how long the customer has waited for this reply.
  let waitSince = null;
  let waitLimit = 0;
  let waitTimer = 0;
  const showWait = () =>
    badge.setWait(waitSince === null ? null : Math.max(0, Math.round((Date.now() - waitSince) / 1000)), waitLimit);

  const api = {
    setWait(since, limit) {
      waitSince = typeof since === 'number' && Number.isFinite(since) ? since : null;
      waitLimit = Number(limit) > 0 ? Number(limit) : 0;
      showWait();
      if (waitSince !== null && !waitTimer && !destroyed) waitTimer = view.setInterval(showWait, 5000);
      if (waitSince === null && waitTimer) {
        view.clearInterval(waitTimer);
        waitTimer = 0;
      }
    },
    /** Check now (even if the text is unchanged, e.g. after a settings change). */
    refresh() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        schedule(true);
      });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      view.clearInterval(watch);
      if (waitTimer) view.clearInterval(waitTimer);
      if (caretFrame) view.cancelAnimationFrame(caretFrame);
      resizeObserver.disconnect();
      if (mutationObserver) mutationObserver.disconnect();
      for (const [t, type, fn, o] of listeners) t.removeEventListener(type, fn, o);
      if (hl) hl.destroy();
      overlay.destroy();
      card.destroy();
      badge.destroy();
      adapter.destroy();
      group.remove();
      editor.removeAttribute(COACHED_ATTR);
      releaseHost(doc);
      settle();
    },
  };
  return api;
}

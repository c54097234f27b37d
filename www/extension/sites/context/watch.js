// Keeps an editor's conversation read: once on start, then again when the transcript changes
// (a MutationObserver, debounced), never per keystroke — the check reads the cached result.
import { isVisible, parentAcross } from './dom.js';
import { readConversation, readList } from './reader.js';
import { rowParent } from './transcript.js';

const DEBOUNCE_MS = 120;
// With no transcript found, looking again means scanning the page: at most this often, so a
// busy page with no chat (any text box on the web) costs little.
const RETRY_MS = 2000;
const ATTRS = ['class', 'style', 'hidden', 'open', 'aria-hidden', 'aria-selected', 'aria-expanded'];

/** The documents and shadow roots from `node` up to the top same-origin document. */
function rootsAbove(node) {
  const out = [];
  let n = node;
  while (n) {
    const r = n.getRootNode();
    if (!out.includes(r)) out.push(r);
    n = r.nodeType === 11 ? r.host : parentAcross(r.documentElement || r);
  }
  return out;
}

/**
 * watchConversation(editor, onChange) → { current(), reads(), destroy() }
 * current(): the last reading (reader.js); reads(): {count, firstMs, lastMs, maxMs, totalMs},
 * what the readings cost (first: finding the transcript; the others: re-reading it); onChange(reading) after a reading that differs from the one before.
 */
export function watchConversation(editor, onChange) {
  let reading = null;
  let timer = 0;
  // firstMs: the first reading (finding the transcript); lastMs/maxMs: every reading since
  const cost = { count: 0, firstMs: 0, lastMs: 0, maxMs: 0, totalMs: 0 };
  const observed = new Set();
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const t = r.target;
      if (t === editor || editor.contains(t)) continue;
      const root = t.getRootNode && t.getRootNode();
      if (root && root.host && root.host.localName === 'kefu-coach') continue;
      if (t.localName === 'kefu-coach') continue;
      schedule();
      return;
    }
  });

  function schedule() {
    if (timer) return;
    const win = editor.ownerDocument.defaultView;
    const wait = reading && !reading.list ? RETRY_MS : DEBOUNCE_MS;
    timer = win.setTimeout(() => {
      timer = 0;
      read();
    }, wait);
  }

  function observe(node) {
    for (const r of rootsAbove(node)) observeRoot(r);
  }

  function observeRoot(r) {
    if (observed.has(r)) return;
    observed.add(r);
    try {
      observer.observe(r, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRS });
    } catch (_) {
      // a root of a frame that went away
    }
  }

  function read() {
    if (!editor.isConnected) return;
    const t0 = performance.now();
    let next;
    try {
      const list = reading && reading.list;
      next = list && list.isConnected && isVisible(list) ? readList(list, editor.ownerDocument) : readConversation(editor);
    } catch (_) {
      next = { read: false, reason: '读取聊天记录出错,本次不参考聊天记录', customer: '', messages: 0, firstReply: null, agentSince: '', previousReply: '', waitingSeconds: null, waitingSince: null, list: null };
    }
    const ms = performance.now() - t0;
    cost.count += 1;
    if (cost.count === 1) cost.firstMs = ms;
    else {
      cost.lastMs = ms;
      cost.totalMs += ms;
      cost.maxMs = Math.max(cost.maxMs, ms);
    }
    observe(editor);
    if (next.list) {
      // rows may live in the list's own shadow root, which observing its parent misses
      const parent = rowParent(next.list);
      observe(parent.shadowRoot ? parent.shadowRoot.firstChild || parent : parent);
      if (next.list.shadowRoot) observeRoot(next.list.shadowRoot);
    }
    const before = reading;
    reading = next;
    if (before && !same(before, next)) onChange(next);
  }

  read();
  return {
    current: () => reading,
    reads: () => ({ ...cost }),
    destroy() {
      observer.disconnect();
      if (timer) clearTimeout(timer);
    },
  };
}

function same(a, b) {
  return (
    a.read === b.read &&
    a.customer === b.customer &&
    a.firstReply === b.firstReply &&
    a.reason === b.reason &&
    a.messages === b.messages &&
    a.agentSince === b.agentSince && // the agent replied: a further message is checked as one
    a.previousReply === b.previousReply &&
    a.waitingSince === b.waitingSince // the agent answered, or the customer wrote again: the wait timer
  );
}

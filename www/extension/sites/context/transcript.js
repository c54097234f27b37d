// Finds the message list that belongs to an editor, as a person would: the nearest list above
// it that scrolls or is named like one (role=log, chat/message/会话…), in the same pane,
// through shadow roots and same-origin frames; and the list's rows in reading order.
import { isVisible, kids, parentAcross, styleOf, walk } from './dom.js';

const LIST_NAME = /chat|message|msg|conversation|convo|transcript|dialog|history|thread|talk|record|聊天|消息|会话|记录/i;
const MIN_SCORE = 5;
const MAX_ELEMENTS = 15000;

function names(el) {
  let s = `${el.id || ''} ${typeof el.className === 'string' ? el.className : ''} ${el.getAttribute('aria-label') || ''} ${el.localName}`;
  for (const a of el.attributes) if (a.name.startsWith('data-')) s += ` ${a.name}`;
  return s;
}

/** How much `el` looks like a message list (0: not at all). */
function listScore(el, editorBox, sameDoc) {
  if (!el.firstElementChild && !el.shadowRoot) return 0;
  // A message list is a tall box; skipping small ones first keeps a big page cheap.
  if (el.clientHeight < 40) return 0;
  let s = 0;
  const role = el.getAttribute('role');
  if (role === 'log' || role === 'feed') s += 4;
  if (el.hasAttribute('aria-live')) s += 1;
  if (LIST_NAME.test(names(el))) s += 2;
  const st = styleOf(el);
  if (/auto|scroll/.test(st.overflowY)) s += 3;
  if (s < 2) return 0;
  if (!isVisible(el)) return 0;
  const rows = rowsOf(el);
  if (!rows.length) return 0;
  s += Math.min(rows.length, 3);
  if (sameDoc && editorBox) {
    const b = el.getBoundingClientRect();
    const overlap = Math.min(b.right, editorBox.right) - Math.max(b.left, editorBox.left);
    if (overlap > Math.min(b.width, editorBox.width) * 0.5 && b.top < editorBox.top) s += 2;
  }
  return s;
}

/** The rows of a list: its children, or the children of the one wrapper inside it (a
 *  virtualised list's tall spacer, a framework's inner div). */
export function rowsOf(list) {
  return kids(rowParent(list)).filter((e) => !/^(script|style|template)$/.test(e.localName) && isVisible(e));
}

/** The element whose children are the rows (the list, or its one wrapper). */
export function rowParent(list) {
  let c = list;
  for (let i = 0; i < 4; i++) {
    const k = kids(c).filter((e) => !/^(script|style|template)$/.test(e.localName));
    if (k.length !== 1 || !isWrapper(k[0])) break;
    c = k[0];
  }
  return c;
}

function isWrapper(el) {
  const k = kids(el);
  if (!k.length) return false;
  for (const n of el.childNodes) if (n.nodeType === 3 && n.data.trim()) return false;
  if (k.some((e) => styleOf(e).position === 'absolute')) return true;
  if (k.length < 2) return false;
  const a = k[0].getBoundingClientRect();
  const b = k[1].getBoundingClientRect();
  return b.top >= a.bottom - 1;
}

/**
 * {list, rows} for the editor, or {reason}. Walks up from the editor one ancestor at a time and
 * takes the best list in the part of the page it newly covers, so the list of this
 * conversation is found before the session list beside it.
 */
export function findTranscript(editor) {
  const budget = { left: MAX_ELEMENTS, over: false };
  const editorBox = editor.getBoundingClientRect();
  let below = editor;
  let node = parentAcross(editor);
  while (node) {
    let best = null;
    let bestScore = 0;
    for (const el of walk(node, below, budget)) {
      const sameDoc = el.ownerDocument === editor.ownerDocument;
      const s = listScore(el, editorBox, sameDoc);
      if (s > bestScore) {
        best = el;
        bestScore = s;
      }
    }
    if (budget.over) return { reason: '页面太大,找不到聊天记录' };
    if (best && bestScore >= MIN_SCORE) return { list: best };
    below = node;
    node = parentAcross(node);
  }
  return { reason: '没有找到聊天记录' };
}

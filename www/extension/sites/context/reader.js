// The conversation an editor belongs to, read with no configuration: the customer's latest run
// of messages, whether the agent has replied yet, and how long the customer has waited. When
// it can't tell who wrote what, it says why and returns no context (checked without one)
// rather than a guess.
import { findTranscript, rowsOf } from './transcript.js';
import { readRow } from './rows.js';
import { assignRoles } from './roles.js';

/** The shop's own name, where the page title shows it ("某某旗舰店 - 客服工作台"). */
function shopNames(doc) {
  return (doc.title || '')
    .split(/[\s\-|·—_]+/)
    .filter((p) => /店|旗舰/.test(p) && p.length >= 3);
}

/**
 * {read, reason, customer, messages, firstReply, agentSince, previousReply, waitingSeconds, list}
 * read: false with a zh-CN reason when there is no transcript or its sides can't be told.
 */
export function readConversation(editor, now = Date.now()) {
  const found = findTranscript(editor);
  if (!found.list) return unread(found.reason);
  return readList(found.list, editor.ownerDocument, now);
}

export function readList(list, doc, now = Date.now()) {
  const rows = rowsOf(list)
    .map((el) => readRow(el, now))
    .sort((a, b) => (a.box && b.box ? a.box.top - b.box.top : 0)); // virtualised lists: screen order
  // A sender's name on its own line above the message: the message's.
  for (let i = 0; i + 1 < rows.length; i++) {
    const next = rows[i + 1];
    if (rows[i].kind === 'label' && next.kind === 'message' && !next.name) {
      next.name = rows[i].name;
      if (next.time === null || next.time === undefined) next.time = rows[i].time;
    }
  }
  const lb = list.getBoundingClientRect();
  const messages = rows.filter((r) => r.kind === 'message');
  assignRoles(messages, lb, shopNames(doc));
  // A centred line among left and right bubbles is the console talking (转接, 已读…).
  const sided = messages.some((m) => m.side === 'left' || m.side === 'right');
  for (const m of messages) {
    if (sided && m.side === 'center' && !m.hint && !m.name) m.kind = 'system';
  }
  // Times: a message without its own stamp has the last one shown above it.
  let last = null;
  for (const r of rows) {
    if (r.time !== null && r.time !== undefined) last = r.time;
    else r.time = last;
  }
  const said = messages.filter((m) => m.kind === 'message');
  if (!said.length) return { ...unread('聊天记录里还没有消息'), list };
  if (said.some((m) => !m.role)) return { ...unread('分不清哪些是客户的消息,本次不参考聊天记录'), list };
  let end = said.length;
  while (end > 0 && said[end - 1].role !== 'customer') end -= 1;
  let start = end;
  while (start > 0 && said[start - 1].role === 'customer') start -= 1;
  const run = said.slice(start, end);
  const agentSeen = said.some((m) => m.role === 'agent');
  // A virtualised list scrolled down may hide the agent's earlier replies: not sure then.
  const firstReply = agentSeen ? false : list.scrollTop > 4 ? null : true;
  // Waiting since the first of the customer's unanswered messages, where the page shows times.
  let waitingSince = null;
  if (end === said.length && run.length && run[0].time !== null && run[0].time !== undefined) waitingSince = run[0].time;
  const waitingSeconds = waitingSince === null ? null : Math.max(0, Math.round((now - waitingSince) / 1000));
  return {
    read: true,
    reason: null,
    customer: run.map((m) => m.text).join('\n'),
    messages: run.length,
    firstReply,
    // What the agent has sent after these messages: the draft may be a further message.
    agentSince: run.length ? said.slice(end).filter((m) => m.role === 'agent').map((m) => m.text).join('\n') : '',
    // The agent's message before them: an apology made or a time given there counts.
    previousReply: run.length && start > 0 && said[start - 1].role === 'agent' ? said[start - 1].text : '',
    waitingSeconds,
    waitingSince,
    list,
  };
}

function unread(reason) {
  return { read: false, reason, customer: '', messages: 0, firstReply: null, agentSince: '', previousReply: '', waitingSeconds: null, waitingSince: null, list: null };
}

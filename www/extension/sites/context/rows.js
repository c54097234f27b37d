// What one row of a transcript is: a message (its text, the sender's name if shown, its time),
// or something to skip — a time stamp, a system line, a product/order card, an image, a
// pasted order page.
import { contentBox, deepText, hintWords, kids } from './dom.js';
import { TIME_ONLY, attrTime, parseTime } from './times.js';

const SYSTEM = /(^|[^a-z])(system|sys|notice|notify|tip|tips|divider|event|announce|recall|revoke)([^a-z]|$)|系统/;
const SYSTEM_TEXT = /^\[?系统|已接入|已转接|转接给|转交给|会话已|已结束|撤回了一条|进入会话|结束了会话|开始会话|分配给|接待中|以下为新消息|以上是历史消息|—|--/;
const CARD = /(^|[^a-z])(card|goods|product|item-card|sku|order|coupon|商品|订单)([^a-z]|$)/;
const ORDER_FIELDS = /订单编号|订单号|下单时间|付款时间|成交时间|发货时间|实付款|实付|收货地址|收货人|商品总价|运费|交易快照|支付方式/g;
const NAME_HINT = /(^|[^a-z])(name|nick|nickname|author|sender|from|who|user-name|username|昵称)([^a-z]|$)/;
const MEDIA = 'img,svg,canvas,video,picture';

/** The text-bearing elements of a row, in order: an element with text of its own is read
 *  whole, except a time stamp inside it (its own part, so it is not read as words). */
function parts(row) {
  const out = [];
  const visit = (e) => {
    let own = '';
    for (const n of e.shadowRoot ? [] : e.childNodes) if (n.nodeType === 3) own += n.data;
    if (own.trim()) {
      let text = '';
      for (const n of e.childNodes) {
        if (n.nodeType === 3) text += n.data;
        else if (n.nodeType === 1) {
          const t = deepText(n);
          if (TIME_ONLY.test(t)) out.push({ el: n, text: t });
          else text += t;
        }
      }
      out.push({ el: e, text: text.replace(/\s+/g, ' ').trim() });
      return;
    }
    for (const c of kids(e)) if (!/^(script|style|template)$/.test(c.localName)) visit(c);
  };
  visit(row);
  return out;
}

function hasMedia(row) {
  if (row.querySelector && row.querySelector(MEDIA)) return true;
  const stack = [row];
  while (stack.length) {
    const e = stack.pop();
    if (e.shadowRoot) {
      if (e.shadowRoot.querySelector(MEDIA)) return true;
      stack.push(...e.shadowRoot.children);
    }
    stack.push(...e.children);
  }
  return false;
}

/** {kind: 'message'|'label'|'time'|'system'|'card'|'image'|'order', text, name, time, hints, box}. */
export function readRow(row, now) {
  const hints = hintWords(row);
  const all = deepText(row);
  const time = attrTime(row, now);
  const box = contentBox(row);
  const base = { el: row, hints, box, name: '', text: '', time };
  if (!all) return { ...base, kind: hasMedia(row) ? 'image' : 'system' };
  if (TIME_ONLY.test(all)) return { ...base, kind: 'time', time: time ?? parseTime(all, now) };
  if (SYSTEM.test(hints) || SYSTEM_TEXT.test(all)) return { ...base, kind: 'system', text: all };
  let name = '';
  let stamp = time;
  const body = [];
  for (const p of parts(row)) {
    const t = p.text.trim();
    if (TIME_ONLY.test(t)) {
      if (stamp === null) stamp = parseTime(t, now);
      continue;
    }
    const labelled = NAME_HINT.test(hintWords(p.el, 0)) || /[::]$/.test(t);
    if (!name && !body.length && labelled && t.length <= 32) {
      // "张三 10:02" in one label: the time is the stamp
      const m = /^(.*?)\s*((?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*)?\d{1,2}:\d{2}(?::\d{2})?)\s*$/.exec(t);
      if (m && m[1]) {
        if (stamp === null) stamp = parseTime(m[2], now);
        name = m[1].replace(/[::]\s*$/, '');
      } else name = t.replace(/[::]\s*$/, '');
      continue;
    }
    body.push(t);
  }
  const text = body.join('\n').trim();
  const out = { ...base, name, time: stamp, text };
  // a line with only the sender (and time): the header of the message below it
  if (!text && name) return { ...out, kind: 'label' };
  if (!text) return { ...out, kind: hasMedia(row) ? 'image' : 'system' };
  if (CARD.test(hints) || (hasMedia(row) && /[¥￥]\s*\d/.test(text))) return { ...out, kind: 'card' };
  const fields = new Set(text.match(ORDER_FIELDS) || []);
  if (fields.size >= 2 && text.length > 30) return { ...out, kind: 'order' };
  return { ...out, kind: 'message' };
}

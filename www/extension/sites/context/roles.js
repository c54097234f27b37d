// Who wrote each message, as a person tells: the words the page uses for the sides in class,
// aria-, data- names (buyer/customer/客户/买家 vs seller/agent/客服/self/me), the sender's name
// (a shop or agent name vs anyone else's), and which side of the list the bubble and avatar
// sit on (the other party on the left, the agent on the right, unless the page's own words
// say otherwise).

const AGENT_WORDS = /customer-?service|(^|[^a-z])(seller|agent|staff|service|servicer|kefu|waiter|operator|assistant|self|me|mine|own|my|outgoing|outbound|sent|send|right|shop|store)([^a-z]|$)|(msg|message|bubble|chat)-?out([^a-z]|$)|客服|卖家|商家|店铺|自己/;
const CUSTOMER_WORDS = /(^|[^a-z])(buyer|customer|client|guest|visitor|consumer|incoming|inbound|received|receive|recv|other|others|them|their|peer|left)([^a-z]|$)|(msg|message|bubble|chat)-?in([^a-z]|$)|客户|买家|顾客|访客/;
const AGENT_NAME = /客服|旗舰店|专卖店|专营店|官方店|自营店|店铺|小店|店$|卖家|商家|售后|售前|^我$|^me$|^.{1,16}[::].{1,12}$/i;
const CUSTOMER_NAME = /买家|客户|顾客|访客|^tb\d|用户/;

/** +1 customer, -1 agent, 0 neither or both. Bare in/out are animation words (fade-in…):
 *  they count only as msg-in, message-out…. */
export function hintRole(hints) {
  const h = hints.replace(/customer-?service/g, ' kefu ');
  const a = AGENT_WORDS.test(h);
  const c = CUSTOMER_WORDS.test(h);
  return a === c ? 0 : c ? 1 : -1; // +1 customer, -1 agent
}

export function nameRole(name, shopNames) {
  if (!name) return 0;
  if (shopNames.some((s) => s && name.includes(s))) return -1;
  if (AGENT_NAME.test(name)) return -1;
  if (CUSTOMER_NAME.test(name)) return 1;
  return 0.6; // somebody's own name, not the shop's: the customer
}

/** 'left' | 'right' | 'center' | 'full' | null for a box within the list's box. */
export function side(box, list) {
  if (!box || !list.width) return null;
  const w = list.width;
  if (box.width > w * 0.85) return 'full';
  const lg = box.left - list.left;
  const rg = list.right - box.right;
  if (lg + w * 0.08 < rg) return 'left';
  if (rg + w * 0.08 < lg) return 'right';
  return 'center';
}

/**
 * Sets row.role ('customer'|'agent'|null) on each message row. Evidence adds up: the page's
 * words (3), the sender's name (2), the side (2). The side's meaning is the usual one (left:
 * the customer) unless the rows the page names say the opposite.
 */
export function assignRoles(messages, listBox, shopNames) {
  for (const m of messages) {
    m.hint = hintRole(m.hints);
    m.side = side(m.box, listBox);
  }
  let agree = 0;
  for (const m of messages) {
    if (!m.hint || (m.side !== 'left' && m.side !== 'right')) continue;
    agree += (m.side === 'left') === (m.hint > 0) ? 1 : -1;
  }
  const leftIsCustomer = agree >= 0;
  // Rows the page's words or names put on both sides, all drawn on one side (names above
  // full-width lines): the side says nothing here.
  const other = messages.map((m) => m.hint * 3 + nameRole(m.name, shopNames) * 2);
  const sides = new Set(messages.map((m) => m.side).filter((x) => x === 'left' || x === 'right'));
  const useSide = !(sides.size === 1 && other.some((x) => x > 0) && other.some((x) => x < 0));
  messages.forEach((m, i) => {
    let s = other[i];
    // Text that merely starts at the left says nothing; a bubble (or both sides in use) does.
    const sideMeans = useSide && (sides.size === 2 || (m.box && m.box.bubble));
    if (!sideMeans) {
      m.role = s > 0 ? 'customer' : s < 0 ? 'agent' : null;
      return;
    }
    if (m.side === 'left') s += leftIsCustomer ? 2 : -2;
    if (m.side === 'right') s += leftIsCustomer ? -2 : 2;
    m.role = s > 0 ? 'customer' : s < 0 ? 'agent' : null;
  });
}

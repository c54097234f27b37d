/**
 * The console's static parts, built from a scenario: conversation list entries, chat bubbles
 * and the order card. Pure DOM building; no state. Bubbles carry `data-kefu-role` so the
 * extension's site adapter can read the conversation.
 */
import { h, replace } from '../assets/dom.js';
import { scoreBand } from '../assets/charts.js';

const AVATAR_COLOURS = ['#5b8def', '#f08a5d', '#49b19c', '#b57edc', '#e0a030', '#ef6f8a', '#4fb0c6', '#7c8cf8'];

/** A stable colour per customer name. */
export function avatarColour(name) {
  let sum = 0;
  for (const ch of name) sum = (sum * 31 + ch.codePointAt(0)) >>> 0;
  return AVATAR_COLOURS[sum % AVATAR_COLOURS.length];
}

export function avatar(customer, cls = '') {
  return h('div', { class: `avatar ${cls}`, style: { background: avatarColour(customer.name) }, 'aria-hidden': 'true' }, customer.avatar);
}

/** Number of customer messages after the agent's last reply (the "unread" badge). */
function waiting(scenario) {
  let n = 0;
  for (let i = scenario.history.length - 1; i >= 0 && scenario.history[i].role === 'customer'; i -= 1) n += 1;
  return n;
}

/**
 * One entry of the conversation list.
 * @param {object} scenario
 * @param {{score?: number|null, onSelect: (id: string) => void}} opts
 */
export function conversationItem(scenario, { score = null, onSelect }) {
  const last = scenario.history[scenario.history.length - 1];
  const meta =
    score === null
      ? h('span', { class: 'conv-badge', title: '待回复消息' }, String(waiting(scenario)))
      : h('span', { class: 'conv-score', style: { color: scoreBand(score).color } }, `${score} 分`);
  const button = h(
    'button',
    {
      type: 'button',
      class: 'conv',
      dataset: { scenarioId: scenario.id, stage: scenario.stage },
      onclick: () => onSelect(scenario.id),
    },
    avatar(scenario.customer),
    h('span', { class: 'conv-name' }, scenario.customer.name),
    h('span', { class: 'conv-time' }, last.time),
    h('span', { class: 'conv-preview' }, last.text),
    h('span', { class: 'conv-meta' }, meta),
    h('span', { class: 'conv-title' }, h('span', { class: 'tag' }, scenario.stage), scenario.title),
  );
  return h('li', {}, button);
}

/** One chat bubble. `extra` goes under the bubble (e.g. the score of a sent reply). */
export function messageNode(scenario, message, extra = null) {
  const isAgent = message.role === 'agent';
  const who = isAgent ? h('div', { class: 'avatar agent', 'aria-hidden': 'true' }, '客') : avatar(scenario.customer);
  const isImage = /^\[图片\]$/.test(message.text);
  const bubble = h(
    'div',
    { class: `bubble${isImage ? ' image' : ''}`, dataset: { kefuRole: isAgent ? 'agent' : 'customer' } },
    isImage ? '图片' : message.text,
  );
  return h('div', { class: `msg ${message.role}` }, who, h('div', { class: 'msg-body' }, bubble, extra));
}

/** The whole chat of a scenario, plus replies already sent in this session. */
export function renderMessages(container, scenario, sent = []) {
  const nodes = [h('div', { class: 'msg-time' }, `今天 ${scenario.history[0].time}`)];
  for (const m of scenario.history) nodes.push(messageNode(scenario, m));
  for (const s of sent) {
    const band = scoreBand(s.score);
    const chip = h('div', { class: 'msg-score', style: { color: band.color } }, `教练评分 ${s.score} · ${band.label}`);
    nodes.push(messageNode(scenario, { role: 'agent', text: s.text }, chip));
  }
  replace(container, nodes);
  container.scrollTop = container.scrollHeight;
}

/** The order card of the right column. */
export function renderOrder(container, scenario) {
  const o = scenario.order;
  const statusClass = /待|中/.test(o.status) ? 'warning' : o.status === '已签收' ? 'ok' : 'accent';
  const rows = [
    ['订单号', o.no],
    ['买家', `${scenario.customer.name} · ${scenario.customer.level}`],
  ];
  if (o.logistics) rows.push(['物流', o.logistics]);
  replace(
    container,
    h('div', { class: 'order-head' }, h('h2', {}, '订单信息'), h('span', { class: `tag ${statusClass}` }, o.status)),
    h(
      'div',
      { class: 'order-item' },
      h(
        'div',
        {
          class: 'order-pic',
          'aria-hidden': 'true',
          style: { color: avatarColour(o.product), background: `linear-gradient(135deg, ${avatarColour(o.product)}1f, ${avatarColour(o.product)}45)` },
        },
        o.icon,
      ),
      h(
        'div',
        {},
        h('div', { class: 'order-name' }, o.product),
        h('div', { class: 'order-spec' }, o.spec),
        h('div', { class: 'order-price' }, '¥', h('b', {}, o.price), ` × ${o.qty}`),
      ),
    ),
    h(
      'dl',
      { class: 'order-rows' },
      rows.flatMap(([k, v], i) => [h('dt', {}, k), h('dd', { class: i === 0 ? '' : 'plain' }, v)]),
    ),
  );
}

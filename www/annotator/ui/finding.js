// One finding as DOM: the flagged words, the message, one button per suggestion, "忽略一次"
// and "关闭此规则". Every piece of text goes in through textContent.

/**
 * @param {Document} doc
 * @param {object} f        the finding
 * @param {string} draft    the text the finding's offsets refer to
 * @param {object} on       { apply(f, i), ignore(f), disable(f), allow?(event) }: a click acts
 *                          only when `allow` (if given) accepts its event
 * @param {boolean} card    true for the hover card (different data attributes, so the
 *                          contract's [data-kefu-finding]/[data-kefu-apply] stay one per item)
 */
export function findingView(doc, f, draft, on, card = false) {
  const el = doc.createElement('div');
  el.className = card ? 'card-body finding' : 'finding';
  const d = el.dataset;
  if (card) d.kefuCard = '';
  else d.kefuFinding = '';
  d.rule = f.rule;
  d.category = f.category;
  d.severity = f.severity;
  d.start = String(f.start);
  d.end = String(f.end);

  const quote = doc.createElement('div');
  quote.className = 'quote';
  quote.textContent = f.start === f.end ? '(此处补充)' : `“${draft.slice(f.start, f.end)}”`;
  const msg = doc.createElement('div');
  msg.className = 'msg';
  msg.textContent = f.message;
  const actions = doc.createElement('div');
  actions.className = 'actions';
  const act = (fn) => (e) => {
    if (!on.allow || on.allow(e)) fn();
  };
  (f.suggestions || []).forEach((s, i) => {
    const b = button(doc, s, act(() => on.apply(f, i)));
    b.className = 'apply';
    b.title = '替换为这段文字';
    b.setAttribute('aria-label', `替换为“${s}”`);
    if (card) b.dataset.kefuCardApply = '';
    else b.dataset.kefuApply = '';
    b.dataset.index = String(i);
    actions.appendChild(b);
  });
  const ignore = button(doc, '忽略一次', act(() => on.ignore(f)));
  ignore.dataset.kefuIgnore = '';
  const off = button(doc, '关闭此规则', act(() => on.disable(f)));
  off.dataset.kefuDisable = '';
  actions.append(ignore, off);
  el.append(quote, msg, actions);
  return el;
}

function button(doc, label, onClick) {
  const b = doc.createElement('button');
  b.type = 'button';
  b.textContent = label;
  // Keep the caret in the editor: the click must not move focus away from it.
  b.addEventListener('mousedown', (e) => e.preventDefault());
  b.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onClick(e);
  });
  return b;
}

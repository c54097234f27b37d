// The card shown when the pointer rests on an underline or the caret moves into one:
// message, one-click suggestions, "忽略一次", "关闭此规则". Also opened from the keyboard
// (index.js NEXT_KEY) and, after an apply that no way of editing could make, with a notice.
// Focus stays in the editor: the buttons are reachable with the pointer, the keys are
// handled in the editor, and a screen reader hears the card through the annotator's live
// region (the card itself is labelled for when it is explored).

import { findingView } from './finding.js';

export function cardView(doc, container, on) {
  const card = doc.createElement('div');
  card.className = 'card';
  card.hidden = true;
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', '话术教练提示');
  container.appendChild(card);
  let current = null; // { f, via }
  let hideTimer = 0;
  const view = doc.defaultView;

  const allow = (e) => !on.allow || on.allow(e);
  card.addEventListener('mouseenter', (e) => {
    if (allow(e)) view.clearTimeout(hideTimer);
  });
  card.addEventListener('mouseleave', (e) => {
    if (allow(e)) api.hideSoon();
  });

  const api = {
    el: card,
    get finding() {
      return current && current.f;
    },
    get via() {
      return current && current.via;
    },
    show(f, draft, rect, via) {
      view.clearTimeout(hideTimer);
      if (!current || current.f !== f) {
        card.replaceChildren(findingView(doc, f, draft, on, true));
      }
      current = { f, via };
      card.dataset.via = via;
      card.hidden = false;
      const vw = doc.documentElement.clientWidth || 800;
      const vh = doc.documentElement.clientHeight || 600;
      const w = card.offsetWidth || 260;
      const h = card.offsetHeight || 100;
      const left = Math.max(4, Math.min(rect.left, vw - w - 4));
      const below = rect.top + rect.height + 6;
      const top = below + h > vh && rect.top - h - 6 > 0 ? rect.top - h - 6 : below;
      card.style.left = `${Math.round(left)}px`;
      card.style.top = `${Math.round(top)}px`;
    },
    /** A line on the card saying what happened (e.g. an apply that could not be made). */
    notice(text) {
      let n = card.querySelector('[data-kefu-notice]');
      if (!n) {
        n = doc.createElement('div');
        n.className = 'notice';
        n.setAttribute('role', 'alert');
        n.dataset.kefuNotice = '';
        card.prepend(n);
      }
      n.textContent = text;
    },
    hideSoon() {
      view.clearTimeout(hideTimer);
      hideTimer = view.setTimeout(api.hide, 300);
    },
    hide() {
      view.clearTimeout(hideTimer);
      current = null;
      card.hidden = true;
      card.replaceChildren();
    },
    destroy() {
      view.clearTimeout(hideTimer);
      card.remove();
    },
  };
  return api;
}

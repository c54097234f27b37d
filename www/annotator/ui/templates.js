// The phrasebook's templates for the customer's situation (report.templates), in the badge's
// panel under "这类问题的推荐话术": each with 「插入」. TEMPLATE_KEY walks them from the editor
// (the picked one is marked) and Enter inserts it. Every piece of text goes in through
// textContent.

import { CORE_SITUATIONS } from '../../assets/core-facts.js';

/** A placeholder the agent fills in: 【预计时间】, 【单号】, 【1-3个工作日】. */
export const PLACEHOLDER = /【[^【】\n]{1,20}】/g;

/** Offsets {start, end} of every placeholder in `text`. */
export function placeholders(text) {
  const out = [];
  for (const m of text.matchAll(PLACEHOLDER)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * @param {Document} doc
 * @param {object} on  { insert(template), allow?(event) }
 */
export function templatesView(doc, on) {
  const section = doc.createElement('section');
  section.className = 'templates';
  section.dataset.kefuTemplates = '';
  section.hidden = true;
  const head = doc.createElement('h3');
  const list = doc.createElement('div');
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', '推荐话术');
  const tip = doc.createElement('div');
  tip.className = 'tip';
  section.append(head, list, tip);
  let items = [];
  let shownKey = null;

  return {
    el: section,
    /** Show `templates` (report.templates) for `situation`; `keyLabel` names the shortcut. */
    update(templates, situation, keyLabel) {
      const next = templates || [];
      // Every keystroke brings a report: rebuild only when the templates change.
      const key = `${situation || ''}\u0000${next.map((t) => `${t.id}\u0001${t.text}`).join('\u0000')}`;
      if (key === shownKey) return;
      shownKey = key;
      items = next;
      section.hidden = !items.length;
      section.dataset.situation = situation || '';
      const named = CORE_SITUATIONS.find((x) => x.id === situation);
      head.textContent = named ? `这类问题的推荐话术 · ${named.label}` : '这类问题的推荐话术';
      tip.textContent = `${keyLabel} 逐条选择,Enter 插入;插入后按 Tab 跳到下一个【…】填写。`;
      list.replaceChildren(
        ...items.map((t, i) => {
          const item = doc.createElement('div');
          item.className = 'template';
          item.setAttribute('role', 'option');
          item.setAttribute('aria-selected', 'false');
          item.dataset.kefuTemplate = t.id;
          item.dataset.index = String(i);
          const text = doc.createElement('div');
          text.className = 'text';
          text.textContent = t.text;
          const b = doc.createElement('button');
          b.type = 'button';
          b.className = 'apply';
          b.textContent = '插入';
          b.dataset.kefuInsert = '';
          b.setAttribute('aria-label', `插入推荐话术:${t.text}`);
          // Keep the caret in the editor: the click must not move focus away from it.
          b.addEventListener('mousedown', (e) => e.preventDefault());
          b.addEventListener('click', (e) => {
            e.preventDefault();
            e.stopPropagation();
            if (!on.allow || on.allow(e)) on.insert(t);
          });
          item.append(text, b);
          return item;
        }),
      );
    },
    get count() {
      return items.length;
    },
    /** A line above the templates saying what happened (an insert that could not be made);
     *  null removes it. */
    notice(text) {
      let n = section.querySelector('[data-kefu-notice]');
      if (text === null) {
        if (n) n.remove();
        return;
      }
      if (!n) {
        n = doc.createElement('div');
        n.className = 'notice';
        n.setAttribute('role', 'alert');
        n.dataset.kefuNotice = '';
        section.insertBefore(n, list);
      }
      n.textContent = text;
    },
    /** Mark template `i` as picked (-1: none); returns it. */
    pick(i) {
      list.querySelectorAll('[data-kefu-template]').forEach((el, j) => {
        el.setAttribute('aria-selected', j === i ? 'true' : 'false');
        if (j === i && el.scrollIntoView) el.scrollIntoView({ block: 'nearest' });
      });
      return i >= 0 ? items[i] || null : null;
    },
  };
}

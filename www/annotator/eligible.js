// Which elements the coach attaches to: a textarea, a text input, or the root of a
// contenteditable region (ProseMirror and Quill roots are contenteditable roots too).

const TEXT_INPUTS = new Set(['text', 'search', '']);

/** The editor root that `el` belongs to, or null when it isn't an eligible editor. */
export function editorRoot(el) {
  if (!el || el.nodeType !== 1) return null;
  if (el.tagName === 'TEXTAREA') return usable(el) ? el : null;
  if (el.tagName === 'INPUT') {
    const type = (el.getAttribute('type') || '').toLowerCase();
    return TEXT_INPUTS.has(type) && usable(el) ? el : null;
  }
  if (!el.isContentEditable) return null;
  let root = el;
  while (root.parentElement && root.parentElement.isContentEditable) root = root.parentElement;
  return root;
}

/** Whether `el` itself is an editor the coach can attach to. */
export function isEligibleEditor(el) {
  return editorRoot(el) === el;
}

function usable(el) {
  return !el.disabled && !el.readOnly && el.getAttribute('aria-hidden') !== 'true';
}

/**
 * Replace [start, end) of a textarea's value as one undoable edit (Ctrl+Z brings the old words
 * back): the browser's own insertText command where it works, otherwise setRangeText plus an
 * input event so listeners (the annotator) see the change.
 * @returns {boolean} whether the value is now as expected
 */
export function replaceRange(textarea, start, end, text) {
  const before = textarea.value;
  if (start < 0 || end < start || end > before.length) return false;
  const expected = before.slice(0, start) + text + before.slice(end);
  textarea.focus();
  textarea.setSelectionRange(start, end);
  let done = false;
  try {
    done = text === '' ? document.execCommand('delete', false) : document.execCommand('insertText', false, text);
  } catch (_) {
    done = false;
  }
  if (done && textarea.value === expected) return true;
  if (textarea.value === before) {
    textarea.setRangeText(text, start, end, 'end');
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
  }
  return textarea.value === expected;
}

/** Set the whole value (scenario switch) and tell listeners. Not part of the undo history. */
export function setValue(textarea, text) {
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

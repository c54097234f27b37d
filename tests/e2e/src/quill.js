// A Quill 2 editor with its default history module (Ctrl+Z; changes within 1 s are merged
// into one undo step, so a test pauses like a reader would before applying a suggestion). window.__quillText mirrors the
// editor's model so a test can check the model, not just the DOM.
import Quill from 'quill/core';

const quill = new Quill('#app', { formats: [] });
quill.root.id = 'editor';
const sync = () => {
  window.__quillText = quill.getText().replace(/\n$/, '');
};
quill.on('text-change', sync);
sync();
window.__quill = quill;

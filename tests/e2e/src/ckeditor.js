// A CKEditor 5 classic editor (Essentials: typing, undo, clipboard; paragraphs only). Its
// model owns the text: DOM edits it did not make itself are reverted on the next render, so
// the coach must apply through beforeinput. window.__ckText mirrors the model.
import { ClassicEditor } from '@ckeditor/ckeditor5-editor-classic';
import { Essentials } from '@ckeditor/ckeditor5-essentials';
import { Paragraph } from '@ckeditor/ckeditor5-paragraph';

const editor = await ClassicEditor.create({
  attachTo: document.getElementById('app'),
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph],
  toolbar: [],
});
const root = editor.model.document.getRoot();
const sync = () => {
  window.__ckText = Array.from(root.getChildren())
    .map((block) => Array.from(block.getChildren()).map((n) => (n.is('$text') ? n.data : '')).join(''))
    .join('\n');
};
editor.model.document.on('change:data', sync);
sync();
// The editable's attributes are rendered from CKEditor's view: set the id there.
editor.editing.view.change((w) => w.setAttribute('id', 'editor', editor.editing.view.document.getRoot()));
window.__ck = editor;
// Scripted edits for the tests (execCommand's would be reverted), at the end of the first
// paragraph: insert `text`, or delete one character when it is null. Kept out of the undo
// stack (unbounded in CKEditor), so that the memory scenario measures the coach.
window.__fixtureEdit = (text) =>
  editor.model.enqueueChange({ isUndoable: false }, (w) => {
    const para = editor.model.document.getRoot().getChild(0);
    const end = w.createPositionAt(para, 'end');
    if (text !== null) w.insertText(text, end);
    else if (end.offset > 0) w.remove(w.createRange(end.getShiftedBy(-1), end));
  });

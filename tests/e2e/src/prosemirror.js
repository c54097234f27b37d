// A ProseMirror editor with the basic schema. prosemirror-history isn't installed, so a
// minimal per-transaction undo stack stands in for it (Mod-z / Mod-y): one user edit, one
// undo step — the same contract prosemirror-history gives for a single transaction.
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';

const done = [];
const undone = [];
let view;
const sync = () => {
  window.__pmText = view.state.doc.textBetween(0, view.state.doc.content.size, '\n');
};

function undo() {
  if (!done.length) return false;
  undone.push(view.state);
  view.updateState(done.pop());
  sync();
  return true;
}
function redo() {
  if (!undone.length) return false;
  done.push(view.state);
  view.updateState(undone.pop());
  sync();
  return true;
}

view = new EditorView(document.getElementById('app'), {
  state: EditorState.create({ schema }),
  attributes: { id: 'editor' },
  dispatchTransaction(tr) {
    const before = view.state;
    view.updateState(before.apply(tr));
    if (tr.docChanged) {
      done.push(before);
      if (done.length > 100) done.shift(); // bounded, like prosemirror-history's depth
      undone.length = 0;
    }
    sync();
  },
  handleKeyDown(_v, e) {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey) return undo();
    if (mod && (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey))) return redo();
    return false;
  },
});
window.__pmText = '';
window.__pmView = view;
window.__pmHistory = () => [done.length, undone.length];

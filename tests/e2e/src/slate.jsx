// A Slate editor (slate-react, slate-history). Slate handles beforeinput itself and renders
// its model with React; window.__slateText mirrors the model.
import React, { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, Editor, Node } from 'slate';
import { Editable, Slate, withReact } from 'slate-react';
import { HistoryEditor, withHistory } from 'slate-history';

const initial = [{ type: 'paragraph', children: [{ text: '' }] }];
const text = (value) => value.map((n) => Node.string(n)).join('\n');

function Reply() {
  const editor = useMemo(() => withHistory(withReact(createEditor())), []);
  window.__slate = editor;
  // Scripted edits for the tests (Slate ignores DOM edits it did not make, Firefox's
  // execCommand included), kept out of the undo history so that the memory scenario measures
  // the coach.
  window.__fixtureEdit = (text) =>
    HistoryEditor.withoutSaving(editor, () => (text === null ? Editor.deleteBackward(editor) : Editor.insertText(editor, text)));
  return (
    <Slate editor={editor} initialValue={initial} onChange={(v) => (window.__slateText = text(v))}>
      <Editable id="editor" placeholder="" style={{ minHeight: '4em', border: '1px solid #ccc', padding: '4px' }} />
    </Slate>
  );
}

window.__slateText = '';
createRoot(document.getElementById('app')).render(<Reply />);

// A Draft.js editor (React state holds its EditorState). Draft reads the DOM after native
// edits and keeps its own undo stack; window.__draftText mirrors the content state.
import React, { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Editor, EditorState } from 'draft-js';

function Reply() {
  const [state, setState] = useState(() => EditorState.createEmpty());
  useEffect(() => {
    window.__draftText = state.getCurrentContent().getPlainText('\n');
  }, [state]);
  // Draft's undo stack is unbounded; bound it (like prosemirror-history's depth) so that the
  // memory scenario measures the coach, not the page's history.
  const onChange = (s) => {
    const undo = s.getUndoStack();
    setState(undo.size > 100 ? EditorState.set(s, { undoStack: undo.take(100) }) : s);
  };
  return <Editor editorState={state} onChange={onChange} />;
}

window.__draftText = '';
createRoot(document.getElementById('app')).render(<Reply />);
// Draft gives its contenteditable no id of its own.
const mark = () => {
  const el = document.querySelector('.public-DraftEditor-content');
  if (el) el.id = 'editor';
  else requestAnimationFrame(mark);
};
mark();

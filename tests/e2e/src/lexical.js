// A Lexical plain-text editor with its history (Ctrl+Z). Lexical renders from its own state
// a task after each update; window.__lexicalText mirrors that state.
import { $getRoot, createEditor } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { mergeRegister } from '@lexical/utils';

const editor = createEditor({ namespace: 'fixture', onError: (e) => console.error(e) });
editor.setRootElement(document.getElementById('editor'));
mergeRegister(registerPlainText(editor), registerHistory(editor, createEmptyHistoryState(), 300));
window.__lexicalText = '';
editor.registerUpdateListener(({ editorState }) => {
  editorState.read(() => {
    window.__lexicalText = $getRoot().getTextContent();
  });
});
window.__lexical = editor;

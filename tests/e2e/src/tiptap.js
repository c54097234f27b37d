// A TipTap editor (StarterKit: ProseMirror with its history, Ctrl+Z). History groups changes
// less than 500 ms apart: a test pauses before applying, like a reader would.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

const editor = new Editor({
  element: document.getElementById('app'),
  extensions: [StarterKit],
  editorProps: { attributes: { id: 'editor' } },
  onUpdate: ({ editor: e }) => {
    window.__tiptapText = e.getText({ blockSeparator: '\n' });
  },
});
window.__tiptapText = '';
window.__tiptap = editor;

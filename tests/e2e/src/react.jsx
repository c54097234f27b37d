// A React-controlled textarea: the draft lives in React state; window.__reactValue mirrors it
// so a test can check that state matches the DOM after the coach applies a fix.
import React, { useState, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

function Reply() {
  const [text, setText] = useState('');
  useEffect(() => {
    window.__reactValue = text;
  }, [text]);
  return <textarea id="editor" rows={4} value={text} onChange={(e) => setText(e.target.value)} />;
}

window.__reactValue = '';
createRoot(document.getElementById('app')).render(<Reply />);

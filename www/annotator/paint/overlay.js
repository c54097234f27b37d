// Underlines as positioned elements in the shadow root, clipped to the editor's visible box.
// Used for textareas/inputs (through the mirror), for insertion points, and wherever the CSS
// Custom Highlight API is missing.

export function overlayPainter(doc, container) {
  const clip = doc.createElement('div');
  clip.className = 'clip';
  container.appendChild(clip);

  return {
    /** marks: [{severity, start, end, rects: [{left,top,width,height}]}]; box: the clip box. */
    paint(marks, box) {
      const s = clip.style;
      s.left = `${box.left}px`;
      s.top = `${box.top}px`;
      s.width = `${box.width}px`;
      s.height = `${box.height}px`;
      const frag = doc.createDocumentFragment();
      for (const m of marks) {
        for (const r of m.rects) {
          const d = doc.createElement('div');
          d.className = m.start === m.end ? 'mark insert' : 'mark';
          d.dataset.kefuMark = '';
          d.dataset.severity = m.severity;
          d.dataset.start = String(m.start);
          d.dataset.end = String(m.end);
          const ds = d.style;
          ds.left = `${r.left - box.left}px`;
          if (m.start === m.end) {
            ds.top = `${r.top - box.top}px`;
            ds.height = `${Math.max(r.height, 8)}px`;
          } else {
            ds.top = `${r.top + r.height - box.top - 1}px`;
            ds.width = `${r.width}px`;
          }
          frag.appendChild(d);
        }
      }
      clip.replaceChildren(frag);
    },
    clear() {
      clip.replaceChildren();
    },
    destroy() {
      clip.remove();
    },
  };
}

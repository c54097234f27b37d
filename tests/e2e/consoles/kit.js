// Shared by the fixture consoles: each page defines window.render(messages) in its own shape;
// the scenarios (tests/e2e/context-scenarios.js) call window.__console.set(messages) to change
// the conversation, as a new message arriving would. A message: {who: 'c'|'a', text, ago}
// (ago: minutes before now, for the time stamps pages show).
(() => {
  const errors = [];
  window.__fixtureErrors = errors;
  addEventListener('error', (e) => errors.push(`error: ${e.message || e.type}`));
  addEventListener('unhandledrejection', (e) => errors.push(`unhandledrejection: ${e.reason}`));
  // Keystroke-to-underline times, from the coach's performance measures.
  window.__kefuLatency = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__kefuLatency.push(e.duration);
    }).observe({ type: 'measure', buffered: true });
  } catch (_) { /* no observer: the latency scenario fails loudly */ }
  window.clock = (ago) => {
    const d = new Date(Date.now() - (ago || 0) * 60000);
    const p = (n) => String(n).padStart(2, '0');
    return `${p(d.getHours())}:${p(d.getMinutes())}`;
  };
  window.__console = {
    set(messages) {
      window.render(messages);
      return true;
    },
  };
  // The first state: one complaint, the agent has not replied yet.
  addEventListener('DOMContentLoaded', () => {
    // ?noise=N: N more elements (a busy toolbar) next to the editor, for the cost of finding
    // the transcript on a big page.
    const noise = Number(new URLSearchParams(location.search).get('noise') || 0);
    if (noise) {
      const box = document.createElement('div');
      box.style.cssText = 'height:40px;overflow:hidden;font-size:10px';
      for (let i = 0; i < noise / 4; i++) {
        const d = document.createElement('div');
        d.className = `tool tool-${i % 7}`;
        for (let j = 0; j < 3; j++) {
          const s = document.createElement('span');
          s.textContent = j ? `按钮${i}` : '·';
          d.appendChild(s);
        }
        box.appendChild(d);
      }
      const editor = document.getElementById('editor');
      editor.parentElement.insertBefore(box, editor);
    }
    window.render([{ who: 'c', text: '快递一周了还没到,太慢了,我要投诉', ago: 3 }]);
  });
})();

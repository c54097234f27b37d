// The Kefu Coach demo/trainer console (www/demo/): customer bubbles carry
// [data-kefu-role="customer"], agent bubbles [data-kefu-role="agent"], and <body> names the
// platform in data-kefu-platform.
export default {
  id: 'demo-console',
  kind: 'demo',
  name: '话术教练演示台',
  matches(doc) {
    return !!(doc.body && (doc.body.hasAttribute('data-kefu-platform') || doc.querySelector('[data-kefu-role]')));
  },
  // The customer's last message(s) (RULES.md): the latest run of customer bubbles, as the
  // demo page itself reads them, not only the very last bubble.
  context(doc) {
    const roles = [...doc.querySelectorAll('[data-kefu-role]')];
    let end = roles.length;
    while (end > 0 && roles[end - 1].getAttribute('data-kefu-role') !== 'customer') end -= 1;
    let start = end;
    while (start > 0 && roles[start - 1].getAttribute('data-kefu-role') === 'customer') start -= 1;
    const waiting = roles.slice(start, end).map((b) => b.textContent.trim());
    return {
      customer: waiting.join('\n'),
      messages: waiting.length,
      first_reply: !doc.querySelector('[data-kefu-role="agent"]'),
      // What the agent has sent after those messages: the draft may be a further one.
      agent_since: waiting.length
        ? roles.slice(end).filter((b) => b.getAttribute('data-kefu-role') === 'agent').map((b) => b.textContent.trim()).join('\n')
        : '',
      // The agent's message just before them: an apology made or a time given there counts.
      previous_reply:
        waiting.length && start > 0 && roles[start - 1].getAttribute('data-kefu-role') === 'agent'
          ? roles[start - 1].textContent.trim()
          : '',
      platform: (doc.body && doc.body.getAttribute('data-kefu-platform')) || '',
    };
  },
};

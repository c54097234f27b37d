// An odd chat console the automatic reader (auto.js) gets wrong, configured in the options page
// with CSS selectors: one for the customer's messages, one for the agent's, and optionally the
// host names where they apply. Where it matches, it overrides the automatic reader.
export default {
  id: 'generic',
  kind: 'generic',
  name: '通用(CSS 选择器)',
  matches(doc, settings) {
    const g = settings.generic || {};
    if (!g.customer) return false;
    const hosts = (g.hosts || '').split(/[\s,]+/).filter(Boolean);
    return !hosts.length || hosts.includes(doc.location.hostname);
  },
  context(doc, settings) {
    const g = settings.generic || {};
    const customers = queryAll(doc, g.customer);
    const last = customers[customers.length - 1];
    const agents = g.agent ? queryAll(doc, g.agent) : [];
    return {
      customer: last ? last.textContent.trim() : '',
      messages: last ? 1 : 0,
      first_reply: g.agent ? agents.length === 0 : false,
      // The agent's messages after the customer's last one: the draft may be a further message.
      agent_since: last ? [...agents].filter((a) => last.compareDocumentPosition(a) & 4).map((a) => a.textContent.trim()).join('\n') : '',
      // The agent's message before the customer's last one: an apology or a time given there counts.
      previous_reply: last ? ([...agents].filter((a) => a.compareDocumentPosition(last) & 4).pop()?.textContent.trim() ?? '') : '',
      platform: '',
    };
  },
};

function queryAll(doc, selector) {
  try {
    return selector ? doc.querySelectorAll(selector) : [];
  } catch (_) {
    return []; // a selector the options page let through but this page can't parse
  }
}

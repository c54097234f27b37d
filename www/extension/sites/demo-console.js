// The Kefu Coach demo/trainer console (www/demo/): customer bubbles carry
// [data-kefu-role="customer"], agent bubbles [data-kefu-role="agent"], and <body> names the
// platform in data-kefu-platform.
export default {
  id: 'demo-console',
  name: '话术教练演示台',
  matches(doc) {
    return !!(doc.body && (doc.body.hasAttribute('data-kefu-platform') || doc.querySelector('[data-kefu-role]')));
  },
  context(doc) {
    const customers = doc.querySelectorAll('[data-kefu-role="customer"]');
    const last = customers[customers.length - 1];
    return {
      customer: last ? last.textContent.trim() : '',
      first_reply: !doc.querySelector('[data-kefu-role="agent"]'),
      platform: (doc.body && doc.body.getAttribute('data-kefu-platform')) || '',
    };
  },
};

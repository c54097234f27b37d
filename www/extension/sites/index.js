// The site adapters, in the order they are tried: the first that matches the page reads its
// context (the customer's last message, whether the agent replied, the platform).
import demoConsole from './demo-console.js';
import generic from './generic.js';

export const SITES = [generic, demoConsole];

const NONE = { id: 'none', name: '无', context: () => ({ customer: '', first_reply: false, platform: '' }) };

export function siteFor(doc, settings) {
  return SITES.find((s) => s.matches(doc, settings)) || NONE;
}

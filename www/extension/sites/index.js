// The site adapters, in the order they are tried: the first that matches the page reads its
// context (the customer's last message, whether the agent replied, the platform). The options
// page's selectors (generic) override everything; a console whose markup is known (the demo)
// comes next; every other page is read by the automatic reader (auto).
import auto from './auto.js';
import demoConsole from './demo-console.js';
import generic from './generic.js';

export const SITES = [generic, demoConsole, auto];

export function siteFor(doc, settings) {
  return SITES.find((s) => s.matches(doc, settings));
}

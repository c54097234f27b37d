#!/usr/bin/env node
// Checks pkg/ as a page sees it, in node (no browser needed):
// 1. kefu_coach.d.ts describes the Coach API with exact types: no `any` in the Coach class
//    or in the shapes it names, and the signatures the contract promises.
// 2. The generated glue works: new Coach() without arguments, check('…') shorthand, a bad
//    config throws an Error (a float in it too: the coach's only float messages), Coach.rules()
//    returns plain objects.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'pkg');
const failures = [];
const expect = (ok, what) => { if (!ok) failures.push(what); };

// ---- the .d.ts
const dts = readFileSync(join(pkg, 'kefu_coach.d.ts'), 'utf8');
const classStart = dts.indexOf('export class Coach {');
expect(classStart >= 0, 'kefu_coach.d.ts has no `export class Coach`');
const classText = dts.slice(classStart, dts.indexOf('\n}', classStart) + 2);
// The shapes the Coach API names (types.d.ts, placed before the classes).
const shapes = ['CheckRequest', 'Report', 'Scores', 'Finding', 'RuleInfo', 'CoachConfig', 'TeamPack', 'PackRule', 'Platform', 'Severity', 'Category'];
const shapeText = shapes.map((name) => {
  const m = dts.match(new RegExp(`export (?:interface|type) ${name}\\b[\\s\\S]*?(?:\\n}\\n|;\\n)`));
  expect(m, `kefu_coach.d.ts does not declare ${name}`);
  return m ? m[0] : '';
}).join('\n');
const withoutComments = (s) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
for (const [where, text] of [['class Coach', classText], ['the shapes of the Coach API', shapeText]]) {
  const anys = withoutComments(text).split('\n').filter((l) => /\bany\b/.test(l));
  expect(anys.length === 0, `\`any\` in ${where}:\n    ${anys.join('\n    ')}`);
}
for (const sig of [
  'constructor(config?: CoachConfig);',
  'check(request: string | CheckRequest): Report;',
  'static rules(): RuleInfo[];',
]) {
  expect(withoutComments(classText).includes(sig), `class Coach lacks \`${sig}\``);
}

// ---- the glue, for real
const { initSync, Coach } = await import(join(pkg, 'kefu_coach.js'));
initSync({ module: readFileSync(join(pkg, 'kefu_coach_bg.wasm')) });
const coach = new Coach();
const report = coach.check('不知道。');
expect(Object.getPrototypeOf(report) === Object.prototype, 'check() should return a plain object');
expect(Array.isArray(report.findings) && report.findings.some((f) => f.rule === 'blunt.dont-know'), 'check("不知道。") should flag blunt.dont-know');
for (const f of report.findings) expect('不知道。'.slice(f.start, f.end).length === f.end - f.start, 'offsets fit the draft');
try {
  new Coach({ platform: 'weibo' });
  expect(false, 'new Coach({platform: "weibo"}) should throw');
} catch (e) {
  expect(e instanceof Error && e.message.includes('platform') && e.message.includes('weibo'), `bad config should throw an Error naming the field, got ${e}`);
}
// A float where text belongs: serde_json writes the float itself; the coach has no other
// float formatting (scripts/wasm-snip.mjs), so this would trap if that were wrong.
for (const [config, shown] of [[{ platform: 1.5 }, '1.5'], [{ disabledRules: [0.1] }, '0.1'], [{ platform: 1e21 }, '1e+21']]) {
  try {
    new Coach(config);
    expect(false, `new Coach(${JSON.stringify(config)}) should throw`);
  } catch (e) {
    expect(e instanceof Error && e.message.includes(`invalid type: floating point \`${shown}\`, expected a string`), `a float in the config should be named in the error, got ${e}`);
  }
}
const rules = Coach.rules();
expect(Array.isArray(rules) && rules.length > 0 && rules.every((r) => r.id && r.category && r.severity && r.title && r.summary && r.doc), 'Coach.rules() gives id, category, severity, title, summary, doc');
expect(rules.every((r) => Object.getPrototypeOf(r) === Object.prototype && Object.keys(r).join() === 'id,category,severity,title,summary,doc'), 'Coach.rules() gives plain objects with exactly id, category, severity, title, summary, doc');
coach.free();

if (failures.length) {
  console.error(`check-pkg: ${failures.length} failure(s):\n  - ${failures.join('\n  - ')}`);
  process.exit(1);
}
console.log(`check-pkg: ok (.d.ts exact, glue works; ${rules.length} rules)`);

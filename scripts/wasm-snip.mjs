#!/usr/bin/env node
// Replaces the body of functions that can't run with `unreachable`, so that wasm-opt drops
// what only they call. Run by scripts/build-wasm.sh on wasm-bindgen's output (which still has
// its name section), before wasm-opt.
//
//   node scripts/wasm-snip.mjs IN.wasm OUT.wasm
//
// What is snipped, and why it can't run:
//
// - `<f64 as Display>::fmt` (and with it core's float formatting, grisu and dragon: ~14 KB
//   of the optimised coach). Its one user is serde's `Unexpected::Float` message, through
//   `WithDecimalPoint`; the one user of `Unexpected`'s `Display` is serde_json's
//   `JsonUnexpected`, which writes a float itself (with zmij, kept) and hands every other
//   kind to `Unexpected`. No code of ours formats a float.
//
// The claim is checked on the module, link by link, each time: the snipped function is
// called directly by nobody, and its table slot is named (`i32.const <slot>`) only in the
// next function of the chain; the chain ends at a function called only by one known caller
// and never through the table. If a change brings in another user (a `{}` of an f64
// anywhere, serde's own `invalid_type` for another format), the check fails and says so
// instead of snipping: then remove the snip or the new user.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const WASM_DIS = join(root, 'node_modules/.bin/wasm-dis');

// Each chain: [snipped, user of the snipped, user of that, ..., the only direct caller].
// Names are matched with the crates' disambiguators (`core[…]`) and hashes (`::h…`) removed.
const CHAINS = [
  [
    '<f64 as core::fmt::Display>::fmt',
    '<serde_core::de::WithDecimalPoint as core::fmt::Display>::fmt',
    '<serde_core::de::Unexpected as core::fmt::Display>::fmt',
    '<serde_json::error::JsonUnexpected as core::fmt::Display>::fmt',
  ],
];

const fail = (m) => {
  console.error(`wasm-snip: ${m}`);
  process.exit(1);
};
const plain = (name) => name.replace(/\[[0-9a-f]{16}\]/g, '').replace(/::h[0-9a-f]{16}$/, '');

const [input, output] = process.argv.slice(2);
if (!input || !output) fail('usage: wasm-snip.mjs IN.wasm OUT.wasm');
const bytes = readFileSync(input);

// --- The binary: sections, imported functions, the name section, function bodies. ---
function leb(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [result, pos];
  }
}
function encodeLeb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

const sections = []; // {id, start (of contents), end}
for (let pos = 8; pos < bytes.length; ) {
  const id = bytes[pos];
  const [size, start] = leb(bytes, pos + 1);
  sections.push({ id, headerStart: pos, start, end: start + size });
  pos = start + size;
}

let importedFunctions = 0;
const imports = sections.find((s) => s.id === 2);
if (imports) {
  let [n, p] = leb(bytes, imports.start);
  for (let i = 0; i < n; i++) {
    let len;
    [len, p] = leb(bytes, p);
    p += len;
    [len, p] = leb(bytes, p);
    p += len;
    const kind = bytes[p++];
    if (kind === 0) {
      [, p] = leb(bytes, p);
      importedFunctions++;
    } else if (kind === 1) {
      p++;
      const flags = bytes[p++];
      [, p] = leb(bytes, p);
      if (flags & 1) [, p] = leb(bytes, p);
    } else if (kind === 2) {
      const flags = bytes[p++];
      [, p] = leb(bytes, p);
      if (flags & 1) [, p] = leb(bytes, p);
    } else if (kind === 3) {
      p += 2;
    } else {
      fail(`unknown import kind ${kind}`);
    }
  }
}

const indexOf = new Map(); // plain name -> function index
for (const s of sections.filter((s) => s.id === 0)) {
  let [len, p] = leb(bytes, s.start);
  if (bytes.subarray(p, p + len).toString() !== 'name') continue;
  p += len;
  while (p < s.end) {
    const sub = bytes[p++];
    let size;
    [size, p] = leb(bytes, p);
    if (sub === 1) {
      let [n, q] = leb(bytes, p);
      for (let i = 0; i < n; i++) {
        let idx, l;
        [idx, q] = leb(bytes, q);
        [l, q] = leb(bytes, q);
        const name = plain(bytes.subarray(q, q + l).toString());
        q += l;
        if (indexOf.has(name)) indexOf.set(name, -1); // ambiguous
        else indexOf.set(name, idx);
      }
    }
    p += size;
  }
}
if (indexOf.size === 0) fail(`${input} has no function names (was it stripped before this step?)`);

// The active data segments at constant offsets: [address, bytes].
const data = [];
const dataSection = sections.find((s) => s.id === 11);
if (dataSection) {
  let [n, p] = leb(bytes, dataSection.start);
  for (let i = 0; i < n; i++) {
    const mode = bytes[p++];
    if (mode !== 0 || bytes[p] !== 0x41) break; // only `i32.const offset` active segments
    let offset;
    [offset, p] = leb(bytes, p + 1);
    // (The offset is a signed LEB: the module's addresses are small and positive.)
    if (bytes[p++] !== 0x0b) break;
    let len;
    [len, p] = leb(bytes, p);
    data.push([offset, bytes.subarray(p, p + len)]);
    p += len;
  }
}
const utf8 = new TextDecoder('utf-8', { fatal: true });
// Whether [address, address + len) is a phrase list's text (src/text/words.rs: words, each
// ended by `\0`, valid UTF-8): then `len` next to `address` is its length, not a function's
// table slot.
function isWordsText(address, len) {
  for (const [at, seg] of data) {
    if (address < at || address + len > at + seg.length || len === 0) continue;
    const text = seg.subarray(address - at, address - at + len);
    if (text[len - 1] !== 0) return false;
    try {
      utf8.decode(text);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

// --- The text (wasm-dis): who calls whom, and which table slots each function names. ---
const dir = mkdtempSync(join(tmpdir(), 'wasm-snip-'));
let wat;
try {
  execFileSync(WASM_DIS, [input, '-o', join(dir, 'm.wat')], { stdio: ['ignore', 'ignore', 'inherit'] });
  wat = readFileSync(join(dir, 'm.wat'), 'utf8').split('\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const nameRe = /\$("(?:[^"\\]|\\.)*"|[^\s()"]+)/g;
const unquote = (n) => plain(n.startsWith('"') ? JSON.parse(n) : n);
const body = new Map(); // plain name -> lines of its body
const slot = new Map(); // plain name -> table slot
let current = null;
for (const line of wat) {
  const f = /^ \(func \$("(?:[^"\\]|\\.)*"|\S+)/.exec(line);
  if (f) {
    current = unquote(f[1]);
    body.set(current, []);
    continue;
  }
  if (line.startsWith(' (elem')) {
    const m = /^ \(elem \$\S+ \(table \$\S+\) \(i32\.const (\d+)\) func (.*)\)$/.exec(line);
    if (!m || slot.size) fail('expected one active element segment at a constant offset');
    [...m[2].matchAll(nameRe)].forEach((n, i) => slot.set(unquote(n[1]), Number(m[1]) + i));
    current = null;
    continue;
  }
  if (line.startsWith(' (')) current = null;
  else if (current) body.get(current).push(line);
}
const calls = new Map(); // plain name -> set of callers
for (const [fn, lines] of body) {
  for (const line of lines) {
    for (const m of line.matchAll(/\((?:call|return_call|ref\.func) \$("(?:[^"\\]|\\.)*"|[^\s()]+)/g)) {
      const callee = unquote(m[1]);
      if (!calls.has(callee)) calls.set(callee, new Set());
      calls.get(callee).add(fn);
    }
  }
}
// Whether a function may take the address of table slot `k`: an `i32.const k` anywhere in it,
// except as an operand of arithmetic or a comparison (a field offset, `base + 204`; the
// module isn't position-independent, so a function's address is the bare constant), or as
// the length right after the address of a phrase list's text (a `Words` passed on).
const NOT_AN_ADDRESS = /^\s*\(i(32|64)\.(add|sub|mul|div_[su]|rem_[su]|and|or|xor|shl|shr_[su]|rotl|rotr|eq|ne|[lg][te]_[su])$/;
function namesSlot(fn, k) {
  const lines = body.get(fn);
  return lines.some((l, i) => {
    if (!l.includes(`(i32.const ${k})`)) return false;
    if (l.trim() !== `(i32.const ${k})`) return true;
    const depth = l.search(/\S/);
    const before = i > 0 && lines[i - 1].search(/\S/) === depth && lines[i - 1].trim().match(/^\(i32\.const (\d+)\)$/);
    if (before && isWordsText(Number(before[1]), k)) return false;
    for (let j = i - 1; j >= 0; j--) {
      if (lines[j].search(/\S/) < depth) return !NOT_AN_ADDRESS.test(lines[j]);
    }
    return true;
  });
}

const snip = [];
for (const chain of CHAINS) {
  for (const name of chain) {
    if (!body.has(name)) fail(`${name} is not in the module: the snip list is out of date`);
    if (indexOf.get(name) === undefined || indexOf.get(name) < 0) fail(`${name}: no single function index`);
  }
  for (let i = 0; i + 1 < chain.length; i++) {
    const fn = chain[i];
    const user = chain[i + 1];
    const callers = [...(calls.get(fn) ?? [])];
    const last = i + 2 === chain.length;
    if (last) {
      // The end of the chain: called only by `user`, never through the table.
      if (callers.some((c) => c !== user) || slot.has(fn)) {
        fail(`${fn} is reached from elsewhere than ${user} (${callers.join(', ') || 'the table'}): not snipping ${chain[0]}`);
      }
    } else {
      if (callers.length) fail(`${fn} is called by ${callers.join(', ')}: not snipping ${chain[0]}`);
      const k = slot.get(fn);
      if (k !== undefined) {
        const users = [...body.keys()].filter((f) => namesSlot(f, k));
        const others = users.filter((f) => f !== user);
        if (others.length) {
          // A plain number equal to the slot passed on to a call or a store fails too (safe).
          const some = others.slice(0, 5).join(', ') + (others.length > 5 ? ` and ${others.length - 5} more` : '');
          fail(`${fn} (table slot ${k}) may be reached from ${some}: not snipping ${chain[0]}`);
        }
      }
    }
  }
  snip.push(chain[0]);
}

// --- Rewrite the code section with `unreachable` for the snipped bodies. ---
const targets = new Set(snip.map((n) => indexOf.get(n) - importedFunctions));
const code = sections.find((s) => s.id === 10);
let [count, p] = leb(bytes, code.start);
const parts = [encodeLeb(count)];
for (let i = 0; i < count; i++) {
  const [size, start] = leb(bytes, p);
  if (targets.has(i)) parts.push(Buffer.from([3, 0, 0x00, 0x0b])); // no locals; unreachable; end
  else parts.push(bytes.subarray(p, start + size));
  p = start + size;
}
const contents = Buffer.concat(parts);
const out = Buffer.concat([
  bytes.subarray(0, code.headerStart),
  Buffer.from([10]),
  encodeLeb(contents.length),
  contents,
  bytes.subarray(code.end),
]);
writeFileSync(output, out);
console.log(`wasm-snip: ${snip.join('; ')} (${bytes.length - out.length} bytes before wasm-opt)`);

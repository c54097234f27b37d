/**
 * A tiny Markdown reader for the rule docs, building DOM nodes only — text goes in through text
 * nodes and never through innerHTML, so a doc can't inject markup or script.
 *
 * Supported: ATX headings, paragraphs, fenced code blocks, `-`/`*`/`1.` lists, `>` quotes,
 * and inline `code`, **bold**, *em*, [links](https://…) (other link targets become plain text).
 */

const FENCE = /^\s*(`{3,}|~{3,})\s*([\w-]*)\s*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const QUOTE = /^\s*>\s?(.*)$/;
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Join wrapped lines: no space between two CJK characters, a space otherwise. */
function joinLines(lines) {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (out && !(CJK.test(out[out.length - 1]) || CJK.test(line[0]))) out += ' ';
    out += line;
  }
  return out;
}

/**
 * Markdown text -> blocks:
 * {type: 'heading', level, text} | {type: 'paragraph', text} | {type: 'code', lang, text}
 * | {type: 'list', ordered, items: string[]} | {type: 'quote', blocks}
 */
export function parse(md) {
  const lines = String(md ?? '').replace(/\r\n?/g, '\n').split('\n');
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i += 1;
      continue;
    }
    const fence = line.match(FENCE);
    if (fence) {
      const close = new RegExp(`^\\s*\\${fence[1][0]}{${fence[1].length},}\\s*$`);
      const body = [];
      i += 1;
      while (i < lines.length && !close.test(lines[i])) {
        body.push(lines[i]);
        i += 1;
      }
      i += 1; // the closing fence (or the end)
      blocks.push({ type: 'code', lang: fence[2] || '', text: body.join('\n') });
      continue;
    }
    const heading = line.match(HEADING);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1].length, text: heading[2] });
      i += 1;
      continue;
    }
    if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const marker = ordered ? NUMBERED : BULLET;
      const items = [];
      while (i < lines.length && lines[i].trim()) {
        const m = lines[i].match(marker);
        if (m) items.push([m[1]]);
        else if (/^\s+\S/.test(lines[i]) && items.length) items[items.length - 1].push(lines[i]);
        else break;
        i += 1;
      }
      blocks.push({ type: 'list', ordered, items: items.map(joinLines) });
      continue;
    }
    if (QUOTE.test(line)) {
      const inner = [];
      while (i < lines.length && QUOTE.test(lines[i])) {
        inner.push(lines[i].match(QUOTE)[1]);
        i += 1;
      }
      blocks.push({ type: 'quote', blocks: parse(inner.join('\n')) });
      continue;
    }
    const para = [];
    while (
      i < lines.length &&
      lines[i].trim() &&
      !FENCE.test(lines[i]) &&
      !HEADING.test(lines[i]) &&
      !BULLET.test(lines[i]) &&
      !NUMBERED.test(lines[i]) &&
      !QUOTE.test(lines[i])
    ) {
      para.push(lines[i]);
      i += 1;
    }
    blocks.push({ type: 'paragraph', text: joinLines(para) });
  }
  return blocks;
}

const INLINE = /(`+)([\s\S]*?[^`])\1(?!`)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Whether a link target is safe to follow: http(s), or a relative path/anchor. */
export function safeHref(url) {
  const u = String(url).trim();
  if (/^https?:\/\//i.test(u)) return u;
  if (/^[#./]/.test(u) || /^[\w-]+(\.[\w-]+)*(\/|$|#)/.test(u)) {
    return /^[a-z][a-z0-9+.-]*:/i.test(u) ? null : u;
  }
  return null;
}

/** Inline Markdown -> a fragment of text nodes, <code>, <strong>, <em>, <a>. */
export function renderInline(text, doc = document) {
  const frag = doc.createDocumentFragment();
  const s = String(text ?? '');
  let last = 0;
  for (const m of s.matchAll(INLINE)) {
    if (m.index > last) frag.appendChild(doc.createTextNode(s.slice(last, m.index)));
    let el;
    if (m[1]) {
      el = doc.createElement('code');
      el.textContent = m[2].replace(/^ (.*) $/, '$1');
    } else if (m[3] || m[4]) {
      el = doc.createElement('strong');
      el.appendChild(renderInline(m[3] || m[4], doc));
    } else if (m[5] || m[6]) {
      el = doc.createElement('em');
      el.appendChild(renderInline(m[5] || m[6], doc));
    } else {
      const href = safeHref(m[8]);
      if (href) {
        el = doc.createElement('a');
        el.setAttribute('href', href);
        if (/^https?:/i.test(href)) el.setAttribute('rel', 'noopener noreferrer');
      } else {
        el = doc.createElement('span');
      }
      el.appendChild(renderInline(m[7], doc));
    }
    frag.appendChild(el);
    last = m.index + m[0].length;
  }
  if (last < s.length) frag.appendChild(doc.createTextNode(s.slice(last)));
  return frag;
}

/** One block -> a DOM node. */
export function renderBlock(block, doc = document) {
  switch (block.type) {
    case 'heading': {
      const el = doc.createElement(`h${Math.min(6, Math.max(1, block.level))}`);
      el.appendChild(renderInline(block.text, doc));
      return el;
    }
    case 'code': {
      const pre = doc.createElement('pre');
      const code = doc.createElement('code');
      if (block.lang) code.dataset.lang = block.lang;
      code.textContent = block.text;
      pre.appendChild(code);
      return pre;
    }
    case 'list': {
      const el = doc.createElement(block.ordered ? 'ol' : 'ul');
      for (const item of block.items) {
        const li = doc.createElement('li');
        li.appendChild(renderInline(item, doc));
        el.appendChild(li);
      }
      return el;
    }
    case 'quote': {
      const el = doc.createElement('blockquote');
      el.appendChild(renderBlocks(block.blocks, doc));
      return el;
    }
    default: {
      const p = doc.createElement('p');
      p.appendChild(renderInline(block.text, doc));
      return p;
    }
  }
}

export function renderBlocks(blocks, doc = document) {
  const frag = doc.createDocumentFragment();
  for (const b of blocks) frag.appendChild(renderBlock(b, doc));
  return frag;
}

/** Markdown text -> a DocumentFragment. */
export function render(md, doc = document) {
  return renderBlocks(parse(md), doc);
}

/**
 * Split a doc into its `##` sections: [{title, blocks}], with any text before the first
 * heading under title ''.
 */
export function sections(md) {
  const out = [];
  let current = { title: '', blocks: [] };
  for (const b of parse(md)) {
    if (b.type === 'heading' && b.level <= 2) {
      if (current.title || current.blocks.length) out.push(current);
      current = { title: b.text, blocks: [] };
    } else {
      current.blocks.push(b);
    }
  }
  if (current.title || current.blocks.length) out.push(current);
  return out;
}

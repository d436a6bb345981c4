// A small Markdown renderer for chat answers that builds DOM nodes and never parses HTML:
// raw "<b>" in an answer stays the four characters "<b>". Supports what answers use:
// paragraphs, headings, lists, tables, quotes, code, bold, italic, inline code and links.
// Links go only to pages of this console (#/...); any other target is shown as text.

import { h } from "./dom.js";

const FENCE = /^\s*```/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const QUOTE = /^\s*>\s?(.*)$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const INLINE = new RegExp([
  /\\(?<esc>[!-\/:-@[-`{-~])/.source,
  /(?<tick>`+)(?<code>[\s\S]*?)\k<tick>/.source,
  /\*\*(?<strong>[\s\S]+?)\*\*|__(?<strong2>[\s\S]+?)__/.source,
  /\*(?<em>\S(?:[\s\S]*?\S)?)\*|(?<![\p{L}\p{N}])_(?<em2>\S(?:[^_]*?\S)?)_(?![\p{L}\p{N}])/.source,
  /\[(?<label>[^\]\n]+)\]\((?<href>[^)\s]+)\)/.source,
].join("|"), "gu");

export function inline(text) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const g = m.groups;
    if (m.index > last) out.push(text.slice(last, m.index));
    if (g.esc !== undefined) out.push(g.esc); // a backslash-escaped character is just that character
    else if (g.tick !== undefined) out.push(h("code", null, g.code));
    else if (g.strong !== undefined || g.strong2 !== undefined) out.push(h("strong", null, inline(g.strong ?? g.strong2)));
    else if (g.em !== undefined || g.em2 !== undefined) out.push(h("em", null, inline(g.em ?? g.em2)));
    else if (g.label !== undefined) {
      out.push(g.href.startsWith("#/") ? h("a", { href: g.href }, inline(g.label)) : inline(g.label));
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function cells(line) {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|")) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.trim()); // "\|" is a pipe inside a cell
}

export function renderMarkdown(source) {
  const lines = String(source ?? "").replace(/\r\n?/g, "\n").split("\n");
  const root = document.createDocumentFragment();
  let i = 0;
  const startsBlock = (line, next) =>
    FENCE.test(line) || HEADING.test(line) || RULE.test(line) || BULLET.test(line) ||
    NUMBERED.test(line) || QUOTE.test(line) || (line.includes("|") && next !== undefined && TABLE_RULE.test(next));

  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i += 1;
      continue;
    }
    if (FENCE.test(line)) {
      const body = [];
      i += 1;
      while (i < lines.length && !FENCE.test(lines[i])) body.push(lines[i++]);
      i += 1; // the closing fence (or the end of a still-streaming answer)
      root.append(h("pre", null, h("code", null, body.join("\n"))));
      continue;
    }
    const heading = line.match(HEADING);
    if (heading) {
      const level = Math.min(6, heading[1].length + 2); // answers sit under the page's own headings
      root.append(h(`h${level}`, { class: "md-heading" }, inline(heading[2])));
      i += 1;
      continue;
    }
    if (RULE.test(line)) {
      root.append(h("hr"));
      i += 1;
      continue;
    }
    if (line.includes("|") && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1])) {
      const head = cells(line);
      // a right-aligned column ("---:") holds figures: kept on one line, aligned right
      const right = cells(lines[i + 1]).map((c) => /^[^:]*-+:$/.test(c));
      const cls = (k) => (right[k] ? "num" : null);
      i += 2;
      const rows = [];
      while (i < lines.length && lines[i].includes("|") && lines[i].trim()) rows.push(cells(lines[i++]));
      root.append(
        h("div", { class: "table-wrap" },
          h("table", null,
            h("thead", null, h("tr", null, head.map((c, k) => h("th", { class: cls(k) }, inline(c))))),
            h("tbody", null, rows.map((r) => h("tr", null, head.map((_, k) => h("td", { class: cls(k) }, inline(r[k] ?? "")))))))),
      );
      continue;
    }
    if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const pattern = ordered ? NUMBERED : BULLET;
      const items = [];
      while (i < lines.length && pattern.test(lines[i])) {
        let text = lines[i].match(pattern)[1];
        i += 1;
        // a continuation line (indented, not a new item or block) belongs to the item
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !BULLET.test(lines[i]) && !NUMBERED.test(lines[i])) {
          text += ` ${lines[i].trim()}`;
          i += 1;
        }
        items.push(h("li", null, inline(text)));
      }
      root.append(h(ordered ? "ol" : "ul", null, items));
      continue;
    }
    if (QUOTE.test(line)) {
      const body = [];
      while (i < lines.length && QUOTE.test(lines[i])) body.push(lines[i++].match(QUOTE)[1]);
      root.append(h("blockquote", null, renderMarkdown(body.join("\n"))));
      continue;
    }
    const para = [line.trim()];
    i += 1;
    while (i < lines.length && lines[i].trim() && !startsBlock(lines[i], lines[i + 1])) para.push(lines[i++].trim());
    root.append(h("p", null, inline(para.join(" "))));
  }
  return root;
}

// A small markdown subset for message bodies: **bold**, *italic* / _italic_, `code`, fenced code
// blocks, [links](https://…) and bare http(s) links. It parses to a tree that the UI renders as
// elements and text nodes, so no input can ever become HTML. Anything it does not understand stays
// literal text.

export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'em'; children: MdInline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: MdInline[] };

export type MdBlock = { type: 'paragraph'; children: MdInline[] } | { type: 'codeBlock'; text: string };

// Scheme, then (for http/https) a host without credentials, an optional port and the rest.
const WEB_LINK = /^(https?):\/\/([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(:\d{1,5})?([/?#][^\s<>"]*)?$/i;
const MAIL_LINK = /^mailto:[^\s<>"@/]+@[a-z0-9.-]+\.[a-z]{2,}(\?[^\s<>"]*)?$/i;

/** The link target if it may be opened (http, https or mailto, well-formed), else null. */
export function safeLinkHref(raw: string): string | null {
  const candidate = raw.trim();
  if (candidate === '' || candidate.length > 2_000) return null;
  // Control characters and backslashes let browsers read a link differently from this check.
  for (const ch of candidate) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || ch === '\\') return null;
  }
  const web = WEB_LINK.exec(candidate);
  if (web) return `${(web[1] as string).toLowerCase()}://${candidate.slice((web[1] as string).length + 3)}`;
  if (MAIL_LINK.test(candidate)) return `mailto:${candidate.slice(7)}`;
  return null;
}

const FENCE = /^```[^\n`]*\n([\s\S]*?)\n?```[ \t]*$/gm;

export function parseMarkdown(source: string): MdBlock[] {
  const blocks: MdBlock[] = [];
  let last = 0;
  for (const match of source.matchAll(FENCE)) {
    const before = source.slice(last, match.index).replace(/\n$/, '');
    if (before.trim() !== '') blocks.push({ type: 'paragraph', children: parseInline(before) });
    blocks.push({ type: 'codeBlock', text: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  const rest = source.slice(last).replace(/^\n/, '');
  if (rest.trim() !== '' || blocks.length === 0) blocks.push({ type: 'paragraph', children: parseInline(rest) });
  return blocks;
}

const BARE_URL = /^https?:\/\/[^\s<>"]+/i;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]]+$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Parses inline markup; nesting depth is bounded so hostile input stays linear enough. */
export function parseInline(text: string, depth = 0): MdInline[] {
  const out: MdInline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer !== '') out.push({ type: 'text', text: buffer });
    buffer = '';
  };
  const nested = (inner: string) => (depth >= 4 ? [{ type: 'text' as const, text: inner }] : parseInline(inner, depth + 1));

  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const prev = i > 0 ? (text[i - 1] as string) : '';

    if (ch === '\\' && i + 1 < text.length && /[\\`*_[\]()]/.test(text[i + 1] as string)) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }

    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }

    if (ch === '*' && text[i + 1] === '*') {
      const end = findClosing(text, '**', i + 2);
      if (end !== -1) {
        flush();
        out.push({ type: 'strong', children: nested(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }

    if ((ch === '*' || ch === '_') && text[i + 1] !== ch) {
      // An underscore inside a word (snake_case) is not emphasis.
      const opensHere = ch === '*' || !WORD_CHAR.test(prev);
      const end = opensHere ? findClosing(text, ch, i + 1) : -1;
      const after = end === -1 ? '' : (text[end + 1] ?? '');
      if (end !== -1 && (ch === '*' || !WORD_CHAR.test(after))) {
        flush();
        out.push({ type: 'em', children: nested(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }

    if (ch === '[') {
      const link = matchLink(text, i);
      if (link) {
        flush();
        out.push({ type: 'link', href: link.href, children: nested(link.label) });
        i = link.end;
        continue;
      }
    }

    if ((ch === 'h' || ch === 'H') && !WORD_CHAR.test(prev)) {
      const bare = BARE_URL.exec(text.slice(i));
      if (bare) {
        const url = bare[0].replace(TRAILING_PUNCTUATION, '');
        const href = safeLinkHref(url);
        if (href) {
          flush();
          out.push({ type: 'link', href, children: [{ type: 'text', text: url }] });
          i += url.length;
          continue;
        }
      }
    }

    buffer += ch;
    i++;
  }
  flush();
  return out;
}

/** Index of `marker` closing a span opened before `from`: non-empty, not padded with spaces. */
function findClosing(text: string, marker: string, from: number): number {
  if (from >= text.length || /\s/.test(text[from] as string)) return -1;
  let at = text.indexOf(marker, from);
  while (at !== -1) {
    // A bold marker is not an italic closer.
    const doubled = marker.length === 1 && text[at + 1] === marker;
    // In "***" after an inner italic, the bold closer is the last two stars.
    if (marker === '**' && text[at + 2] === '*') at++;
    if (at > from && !/\s/.test(text[at - 1] as string) && !doubled) return at;
    at = text.indexOf(marker, doubled ? at + 2 : at + 1);
  }
  return -1;
}

function matchLink(text: string, start: number): { label: string; href: string; end: number } | null {
  const close = text.indexOf('](', start + 1);
  if (close === -1) return null;
  const label = text.slice(start + 1, close);
  if (label === '' || label.includes('\n') || label.includes('[')) return null;
  const end = text.indexOf(')', close + 2);
  if (end === -1) return null;
  const href = safeLinkHref(text.slice(close + 2, end));
  if (!href) return null;
  return { label, href, end: end + 1 };
}

/** The text a reader sees, without markup: for one-line excerpts such as quotes. */
export function markdownToPlainText(source: string): string {
  const flatten = (nodes: readonly MdInline[]): string =>
    nodes.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : flatten(n.children))).join('');
  return parseMarkdown(source)
    .map((b) => (b.type === 'codeBlock' ? b.text : flatten(b.children)))
    .join(' ');
}

// A strict reader of the report's markup, for tests: every "<" must open or close a well-formed tag
// with double-quoted attributes, text may hold no ">" and only the five entities the escaper makes.
// Anything else (an unescaped fragment of log text) fails loudly.
export type Token = { type: 'open'; name: string; attrs: [string, string][] } | { type: 'close'; name: string } | { type: 'text'; text: string } | { type: 'raw'; name: string; text: string };

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z][a-zA-Z0-9-]*="[^"<>]*")*)\s*\/?>/;
const ATTR = /\s+([a-zA-Z][a-zA-Z0-9-]*)="([^"<>]*)"/g;
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

export function decodeText(text: string): string {
  return text.replace(/&([^;\s]*);?/g, (whole, name: string) => {
    const ch = ENTITY[name];
    if (ch === undefined || !whole.endsWith(';')) throw new Error(`unexpected entity ${whole}`);
    return ch;
  });
}

export function tokenize(doc: string): Token[] {
  const tokens: Token[] = [];
  let i = doc.startsWith('<!DOCTYPE html>') ? '<!DOCTYPE html>'.length : 0;
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    const end = lt === -1 ? doc.length : lt;
    if (end > i) {
      const text = doc.slice(i, end);
      if (text.includes('>')) throw new Error(`raw ">" in text: ${text.slice(0, 80)}`);
      tokens.push({ type: 'text', text: decodeText(text) });
    }
    if (lt === -1) break;
    const m = TAG.exec(doc.slice(lt));
    if (!m) throw new Error(`malformed markup at ${lt}: ${doc.slice(lt, lt + 80)}`);
    const name = m[2]!.toLowerCase();
    i = lt + m[0].length;
    if (m[1]) {
      tokens.push({ type: 'close', name });
      continue;
    }
    const attrs = [...m[3]!.matchAll(ATTR)].map((a) => [a[1]!.toLowerCase(), decodeText(a[2]!)] as [string, string]);
    tokens.push({ type: 'open', name, attrs });
    if (name === 'style') {
      const close = doc.indexOf('</style>', i);
      tokens.push({ type: 'raw', name, text: doc.slice(i, close) });
      i = close;
    }
  }
  return tokens;
}

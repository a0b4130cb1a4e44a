// The one JSON printer of jwtlens' surfaces, for the exact header and payload texts the core hands over (the
// decoded text of each part, byte for byte). JSON.parse would round big integers (12345678901234567890 →
// 12345678901234567000), respell numbers (1.50 → 1.5), move integer-like keys first and collapse duplicate members;
// this tokenizer keeps every token's source text and its offset, and only adds indentation. The page (element/model.js
// and element/report.js) and the command line (cli/render.js) print with it.

/**
 * Splits JSON text into tokens `{ type, text, start }` (type: `{ } [ ] : ,`, `string`, `number`, `literal`).
 * Returns null when the text is not JSON (the caller then shows it verbatim).
 * @param {string} text
 */
export function tokenizeJson(text) {
  const tokens = [];
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const literal = /true|false|null/y;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if ('{}[]:,'.includes(c)) {
      tokens.push({ type: c, text: c, start: i });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text.charCodeAt(j) < 0x20) return null;
        j += text[j] === '\\' ? 2 : 1;
      }
      if (j >= text.length) return null;
      tokens.push({ type: 'string', text: text.slice(i, j + 1), start: i });
      i = j + 1;
    } else {
      let m = null;
      for (const re of [number, literal]) {
        re.lastIndex = i;
        m = re.exec(text);
        if (m) {
          tokens.push({ type: re === number ? 'number' : 'literal', text: m[0], start: i });
          i += m[0].length;
          break;
        }
      }
      if (!m) return null;
    }
  }
  return tokens;
}

/** The value of a JSON string token (its text is valid JSON, so JSON.parse is exact for strings). */
export function stringValue(token) {
  try {
    return JSON.parse(token.text);
  } catch {
    return token.text.slice(1, -1);
  }
}

/**
 * Parses the token list into a tree that keeps every token: `{ kind: 'object', members: [{ key, value }] }`,
 * `{ kind: 'array', items }` or `{ kind: 'scalar', token }`. Null when the structure is not JSON.
 */
export function parseTree(tokens) {
  let i = 0;
  function value() {
    const t = tokens[i++];
    if (!t) return null;
    if (t.type === 'string' || t.type === 'number' || t.type === 'literal') return { kind: 'scalar', token: t };
    if (t.type === '[') {
      const node = { kind: 'array', open: t, items: [], close: null };
      if (tokens[i]?.type === ']') {
        node.close = tokens[i++];
        return node;
      }
      for (;;) {
        const item = value();
        if (!item) return null;
        node.items.push(item);
        const sep = tokens[i++];
        if (sep?.type === ']') {
          node.close = sep;
          return node;
        }
        if (sep?.type !== ',') return null;
      }
    }
    if (t.type === '{') {
      const node = { kind: 'object', open: t, members: [], close: null };
      if (tokens[i]?.type === '}') {
        node.close = tokens[i++];
        return node;
      }
      const seen = new Map();
      for (;;) {
        const key = tokens[i++];
        if (key?.type !== 'string' || tokens[i++]?.type !== ':') return null;
        const v = value();
        if (!v) return null;
        const name = stringValue(key);
        const member = { key, name, value: v, duplicate: false };
        if (seen.has(name)) {
          member.duplicate = true;
          seen.get(name).duplicate = true;
        }
        seen.set(name, member);
        node.members.push(member);
        const sep = tokens[i++];
        if (sep?.type === '}') {
          node.close = sep;
          return node;
        }
        if (sep?.type !== ',') return null;
      }
    }
    return null;
  }
  const root = value();
  return root && i === tokens.length ? root : null;
}

/**
 * Pretty-prints JSON text without changing a number, string, key order or duplicate: the output is the source
 * tokens with two-space indentation (for ordinary JSON, exactly `JSON.stringify(JSON.parse(text), null, 2)`).
 * Returns `{ text, pieces }` where `pieces` is a list of `[class, text]` (`key`, `string`, `number`, `literal`,
 * `punct`, `space`, or `key dup` for a repeated member name) whose texts concatenate to `text`, and `map`, the
 * source offset of each piece (or -1 for added whitespace). Null when the text is not JSON.
 * @param {string} text
 */
export function prettyJson(text) {
  const tokens = tokenizeJson(text);
  const root = tokens && parseTree(tokens);
  if (!root) return null;
  const pieces = [];
  const map = [];
  const put = (cls, s, at = -1) => {
    pieces.push([cls, s]);
    map.push(at);
  };
  const scalarClass = { string: 'string', number: 'number', literal: 'literal' };
  function write(node, depth) {
    if (node.kind === 'scalar') {
      put(scalarClass[node.token.type], node.token.text, node.token.start);
      return;
    }
    const inner = '\n' + '  '.repeat(depth + 1);
    const entries = node.kind === 'object' ? node.members : node.items;
    put('punct', node.open.text, node.open.start);
    if (entries.length === 0) {
      put('punct', node.close.text, node.close.start);
      return;
    }
    entries.forEach((entry, n) => {
      put('space', inner);
      if (node.kind === 'object') {
        put(entry.duplicate ? 'key dup' : 'key', entry.key.text, entry.key.start);
        put('punct', ':');
        put('space', ' ');
        write(entry.value, depth + 1);
      } else {
        write(entry, depth + 1);
      }
      if (n < entries.length - 1) put('punct', ',');
    });
    put('space', '\n' + '  '.repeat(depth));
    put('punct', node.close.text, node.close.start);
  }
  write(root, 0);
  return { text: pieces.map((p) => p[1]).join(''), pieces, map };
}

/** The source text of a JSON node on one line (`["a", "b"]`), every token as written. */
export function compactText(node) {
  if (node.kind === 'scalar') return node.token.text;
  if (node.kind === 'array') return `[${node.items.map(compactText).join(', ')}]`;
  return `{${node.members.map((m) => `${m.key.text}: ${compactText(m.value)}`).join(', ')}}`;
}

/**
 * The top-level members of a JSON object text, in source order, duplicates included: `{ name, value, type,
 * duplicate }` where `value` is the member's source text (strings unquoted). Empty when not an object.
 * @param {string | null} text
 */
export function jsonMembers(text) {
  const tokens = text === null ? null : tokenizeJson(text);
  const root = tokens && parseTree(tokens);
  if (!root || root.kind !== 'object') return [];
  return root.members.map((m) => {
    const v = m.value;
    const type = v.kind === 'scalar' ? v.token.type : v.kind;
    return { name: m.name, value: type === 'string' ? stringValue(v.token) : compactText(v), type, duplicate: m.duplicate };
  });
}


/**
 * The pretty text of JSON with each piece styled by `style(class, text)` (the command line colours keys): the same
 * text as `prettyJson(text).text` when `style` returns its text. Null when the text is not JSON.
 * @param {string} text
 * @param {(cls: string, text: string) => string} style
 */
export function styledJson(text, style) {
  const pretty = prettyJson(text);
  return pretty && pretty.pieces.map(([cls, piece]) => style(cls, piece)).join('');
}

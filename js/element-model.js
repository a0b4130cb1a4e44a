// The debugger element's model: every read of an `inspect` result happens here, and nowhere else, so a change of
// the result's shape is one edit in this file. It turns a result into a plain "view" (strings, numbers, arrays)
// that the element renders as text, builds the redacted Markdown report and the example tokens. No DOM: it runs on
// the main thread for small pastes and inside the element's Worker for big ones (js/element-worker.js).

/** Tokens shown in full; beyond this the rest are summarised behind "show all" (the issue's cap). */
export const TOKEN_LIMIT = 20;
/** Findings sent to the page per severity before "show all". */
export const FINDING_LIMIT = 100;

/** Claims always redacted in the report: they identify a person or a single token. */
export const ALWAYS_REDACTED = ['sub', 'email', 'username', 'cognito:username', 'jti'];
/** Claims ticked for redaction by default (personal data, identifiers of a sign-in); the user can untick them. */
export const DEFAULT_REDACTED = ['origin_jti', 'event_id', 'device_key', 'phone_number', 'name', 'given_name', 'family_name',
  'middle_name', 'nickname', 'preferred_username', 'birthdate', 'address', 'picture', 'identities', 'nonce', 'at_hash', 'sid', 'oid',
  'upn', 'unique_name', 'ipaddr', 'uid', 'user_id'];

const SEVERITIES = ['error', 'warning', 'info'];

// ---------------------------------------------------------------------------------------------------------------
// The exact JSON printer. The core hands over each header's and payload's decoded text; JSON.parse would round big
// integers (12345678901234567890 → 12345678901234567000), respell numbers (1.50 → 1.5), move integer-like keys first
// and collapse duplicate members. This tokenizer keeps every token's source text and only adds indentation.

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
function stringValue(token) {
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
function parseTree(tokens) {
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
function compactText(node) {
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

/** 1-based line and column (in characters) → offset into text. */
function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return -1;
    offset = nl + 1;
  }
  return Math.min(offset + column - 1, text.length);
}

// ---------------------------------------------------------------------------------------------------------------
// The view.

function tokenLabel(result, index) {
  if (index === undefined || index === null) return null;
  const t = result.tokens[index];
  if (!t) return null;
  return t.label ?? (result.tokens.length > 1 ? `token ${index + 1}` : 'the token');
}

/** The input around a finding's offsets: `{ before, mark, after }`, shortened for long ranges. */
function excerpt(input, start, end) {
  if (typeof start !== 'number' || typeof end !== 'number' || start < 0 || end > input.length || start > end) return null;
  const context = 24;
  const from = Math.max(0, start - context);
  const to = Math.min(input.length, end + context);
  let mark = input.slice(start, end);
  if (mark.length > 80) mark = `${mark.slice(0, 38)}…${mark.slice(-38)}`;
  return {
    before: (from > 0 ? '…' : '') + input.slice(from, start),
    mark,
    after: input.slice(end, to) + (to < input.length ? '…' : ''),
  };
}

function findingView(result, input, f, index) {
  const loc = f.location ?? {};
  return {
    id: index,
    code: f.code,
    severity: f.severity,
    message: f.message,
    fix: f.fix ?? null,
    token: loc.token ?? null,
    tokenLabel: result.tokens.length > 1 ? tokenLabel(result, loc.token) : null,
    part: loc.part ?? null,
    member: loc.member ?? null,
    line: loc.line ?? null,
    column: loc.column ?? null,
    start: loc.start ?? null,
    end: loc.end ?? null,
    excerpt: excerpt(input, loc.start, loc.end),
  };
}

function jsonView(decoded, findings, part) {
  if (!decoded) return null;
  if (decoded.text === null) return { text: `(not UTF-8; hex) ${decoded.hex ?? ''}`, pieces: null, raw: true, marks: [] };
  const pretty = decoded.value !== null ? prettyJson(decoded.text) : null;
  // A JSON error (invalid JSON, duplicate member) located by line and column: marked in the text shown.
  const marks = [];
  for (const f of findings) {
    if (f.part !== part || f.line === null || f.column === null) continue;
    const at = offsetOf(decoded.text, f.line, f.column);
    if (at >= 0) marks.push({ at, finding: f.id, code: f.code });
  }
  if (pretty) return { text: pretty.text, pieces: pretty.pieces, map: pretty.map, raw: false, marks };
  return { text: decoded.text, pieces: null, raw: true, marks };
}

/** The token's characters as written in the input, split where segments and finding ranges begin and end. */
function writtenView(input, token, findings) {
  const segs = token.segments ?? [];
  if (segs.length === 0) return null;
  const start = Math.min(...segs.map((s) => s.start));
  const end = Math.max(...segs.map((s) => s.end));
  const ranges = findings.filter((f) => f.start !== null && f.end !== null && f.end > start && f.start < end && f.end > f.start);
  const cuts = new Set([start, end]);
  for (const s of segs) cuts.add(s.start).add(s.end);
  for (const f of ranges) cuts.add(Math.max(start, f.start)).add(Math.min(end, f.end));
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const seg = segs.find((s) => s.start <= a && b <= s.end);
    const marks = ranges.filter((f) => f.start <= a && b <= f.end).map((f) => f.id);
    pieces.push({ text: input.slice(a, b), part: seg?.part ?? null, marks });
  }
  return { start, end, pieces };
}

/** The signature segment of a compact JWS, as written (a JSON serialization's signatures are in its text). */
function signatureSegment(token) {
  if (token.serialization !== 'compact' || token.kind === 'jwe') return null;
  const parts = token.compact.split('.');
  return parts.length === 3 && parts[2] !== '' ? parts[2] : null;
}

/** How many bytes a base64url text decodes to. */
function base64urlLength(text) {
  return Math.floor((text.replace(/=+$/, '').length * 3) / 4);
}

/** The first 48 bytes of a base64url text as hex, for showing a signature. */
function hexPreview(text) {
  const clean = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/').slice(0, 64);
  let bytes;
  try {
    bytes = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
  } catch {
    return null;
  }
  const hex = [...bytes].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  return base64urlLength(text) > 48 ? `${hex}…` : hex;
}

function timeView(time) {
  if (!time) return null;
  const ms = Date.parse(time.iso);
  let local = null;
  if (Number.isFinite(ms)) {
    local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(ms));
  }
  return { iso: time.iso, seconds: Number.isFinite(ms) ? ms / 1000 : null, local, relative: time.relative ?? null };
}

const TIMELINE = ['auth_time', 'iat', 'nbf', 'exp'];

function tokenView(result, input, index, token, findings, evaluation, describe, inner = false) {
  const diagnosis = inner ? null : (result.diagnoses ?? []).find((d) => d.token === index) ?? null;
  const mine = findings.filter((f) => f.token === index);
  const catalogue = diagnosis?.catalogue ?? [];
  const explain = (part, name) => catalogue.find((c) => c.part === part && c.name === name && Boolean(c.inner) === inner);
  const claims = [];
  for (const part of ['header', 'payload']) {
    for (const m of jsonMembers(token[part]?.text ?? null)) {
      const c = explain(part, m.name);
      // Meanings are static text: looked up on demand, not carried by every result.
      const meaning = describe && diagnosis ? describe(m.name, { part, provider: diagnosis.provider.id }) : null;
      claims.push({ part, name: m.name, value: m.value, type: m.type, duplicate: m.duplicate,
        meaning: meaning?.meaning ?? null, definedBy: meaning?.definedBy ?? null, time: timeView(c?.time) });
    }
  }
  const times = claims.filter((c) => c.part === 'payload' && TIMELINE.includes(c.name) && c.time?.seconds != null && !c.duplicate)
    .map((c) => ({ name: c.name, seconds: c.time.seconds }));
  const signatureText = signatureSegment(token);
  return {
    index,
    label: inner ? 'inner token' : tokenLabel(result, index),
    kind: token.kind,
    serialization: token.serialization,
    compact: token.compact,
    provider: diagnosis ? { id: diagnosis.provider.id, name: diagnosis.provider.name, evidence: diagnosis.provider.evidence,
      emulator: diagnosis.provider.emulator, region: diagnosis.provider.region ?? null, pool: diagnosis.provider.userPoolId ?? null } : null,
    tokenUse: diagnosis?.tokenUse ?? null,
    tokenUseReason: diagnosis?.tokenUseReason ?? null,
    written: inner ? null : writtenView(input, token, mine),
    header: jsonView(token.header, inner ? [] : mine, 'header'),
    // The exact decoded texts, for "Edit and re-sign" (the views above are indented).
    source: token.kind === 'jws' && typeof token.header?.text === 'string' && typeof token.payload?.text === 'string'
      ? { header: token.header.text, payload: token.payload.text } : null,
    payload: jsonView(token.payload, inner ? [] : mine, 'payload'),
    signature: signatureText ? { bytes: base64urlLength(signatureText), hex: hexPreview(signatureText) } : null,
    claims,
    timeline: times.length ? { points: times, evaluation, clock: Date.now() / 1000 } : null,
    errors: mine.filter((f) => f.severity === 'error').length,
    inner: token.inner ? tokenView(result, input, index, token.inner, findings, evaluation, describe, true) : null,
  };
}

function ruleView(r, findings, token) {
  const finding = r.code ? findings.find((f) => f.code === r.code && (f.token === token || f.token === null)) : null;
  return { id: r.id, description: r.description, outcome: r.outcome, detail: r.detail, code: r.code ?? null,
    settle: r.settle ?? null, fix: finding?.fix ?? null };
}

/**
 * The view of a result: what the element renders. `limit` tokens in full (the rest summarised), `findingLimit`
 * findings per severity.
 * @param {object} result an `inspect` result
 * @param {string} input the input given to `inspect`
 * @param {object} options the options given to `inspect`
 */
export function view(result, input, options = {}, { limit = TOKEN_LIMIT, findingLimit = FINDING_LIMIT, evaluationChosen = false, describe = null } = {}) {
  const all = result.findings.map((f, i) => findingView(result, input, f, i));
  const findings = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const s of SEVERITIES) {
    const of = all.filter((f) => f.severity === s);
    counts[s] = of.length;
    findings.push(...of.slice(0, findingLimit));
  }
  const evaluation = evaluationChosen && typeof options.now === 'number' ? options.now : null;
  // Answers of the tokens shown in full only: a paste of 1,000 tokens has up to 4,000 (the rest are summarised).
  const answers = (result.answers ?? []).filter((a) => a.token < limit).map((a) => ({
    token: a.token, tokenLabel: result.tokens.length > 1 ? tokenLabel(result, a.token) : null,
    service: a.service, decision: a.decision, rule: a.rule ?? null, code: a.code ?? null,
    reason: a.reason, fix: a.fix ?? null, target: a.target,
  }));
  const v = result.verdict;
  const verdict = v ? {
    token: v.token, tokenLabel: result.tokens.length > 1 ? tokenLabel(result, v.token) : null, target: v.target,
    decision: v.decision, summary: v.summary, rules: v.rules.map((r) => ruleView(r, all, v.token)), assumptions: v.assumptions ?? [],
  } : null;
  const keys = result.keys?.keys ?? [];
  // Key findings are about the keys, listed once; each verification holds its own signature findings.
  const keyFindings = (result.keys?.findings ?? []).map((f, i) => findingView(result, input, f, `k${i}`));
  const verifications = options.keys === undefined ? null : (result.verifications ?? []).map((ver, n) => {
    return {
      token: ver.token, tokenLabel: tokenLabel(result, ver.token), valid: ver.valid, algorithm: ver.algorithm,
      matchedKey: ver.matchedKey ? { index: ver.matchedKey.index, kid: ver.matchedKey.kid } : null,
      attempts: ver.attempts.map((a) => {
        const k = keys.find((x) => x.index === a.key);
        return { key: a.key, kid: a.kid, outcome: a.outcome, reason: a.reason,
          describe: k ? [k.format, k.kty, k.crv ?? (k.bits ? `${k.bits} bits` : null), k.alg].filter(Boolean).join(' · ') : null,
          thumbprint: k?.thumbprint ?? null };
      }),
      findings: [...(n === 0 ? keyFindings : []), ...ver.findings.map((f, i) => findingView(result, input, f, `v${ver.token}-${i}`))],
    };
  });
  const tokens = result.tokens.slice(0, limit).map((t, i) => tokenView(result, input, i, t, all, evaluation, describe));
  const rest = result.tokens.length - tokens.length;
  let more = null;
  if (rest > 0) {
    const kinds = {};
    for (const t of result.tokens.slice(limit)) kinds[t.kind] = (kinds[t.kind] ?? 0) + 1;
    const withErrors = new Set(all.filter((f) => f.severity === 'error' && f.token >= limit).map((f) => f.token)).size;
    more = { count: rest, kinds, withErrors };
  }
  return {
    empty: input.trim() === '',
    tokenCount: result.tokens.length,
    answers,
    verdict,
    findings,
    findingCounts: counts,
    findingsTruncated: findings.length < all.length,
    verifications,
    tokens,
    more,
    claimNames: [...new Set(tokens.flatMap((t) => t.claims.filter((c) => c.part === 'payload').map((c) => c.name)))],
  };
}

/** Token views `from` … `to` (exclusive) of a result, for "show all". */
export function tokenViews(result, input, options, from, to, { evaluationChosen = false, describe = null } = {}) {
  const all = result.findings.map((f, i) => findingView(result, input, f, i));
  const evaluation = evaluationChosen && typeof options.now === 'number' ? options.now : null;
  return result.tokens.slice(from, to).map((t, i) => tokenView(result, input, from + i, t, all, evaluation, describe));
}

/** All findings of one severity, for "show all". */
export function findingViews(result, input, severity) {
  return result.findings.map((f, i) => findingView(result, input, f, i)).filter((f) => f.severity === severity);
}

/** What the element's result event carries: small, the full result stays where it was computed. */
export function summary(v) {
  return {
    tokenCount: v.tokenCount,
    decision: v.verdict?.decision ?? null,
    verdict: v.verdict,
    answers: v.answers,
    findings: v.findings.map(({ code, severity, message, fix, token }) => ({ code, severity, message, fix, token })),
    findingCounts: v.findingCounts,
    truncated: v.findingsTruncated,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The redacted report: Markdown for a support ticket or an issue. It never contains the token's encoded text (that
// would carry the redacted claims and the signature), the keys, or the Authorization header given to a target.

const REDACTED = '[redacted]';

/** Replaces the values of `names` (at any depth) in pretty JSON pieces with "[redacted]"; returns the text. */
function redactJson(text, names) {
  const tokens = tokenizeJson(text);
  const root = tokens && parseTree(tokens);
  if (!root) return null;
  const secrets = [];
  function walk(node) {
    if (node.kind === 'object') {
      for (const m of node.members) {
        if (names.has(m.name)) {
          secrets.push(...collectValues(m.value));
          m.value = { kind: 'scalar', token: { type: 'string', text: JSON.stringify(REDACTED), start: -1 } };
        } else {
          walk(m.value);
        }
      }
    } else if (node.kind === 'array') {
      node.items.forEach(walk);
    }
  }
  walk(root);
  const out = [];
  (function write(node, depth) {
    if (node.kind === 'scalar') return out.push(node.token.text);
    const entries = node.kind === 'object' ? node.members : node.items;
    if (entries.length === 0) return out.push(node.kind === 'object' ? '{}' : '[]');
    out.push(node.kind === 'object' ? '{' : '[');
    entries.forEach((e, n) => {
      out.push('\n' + '  '.repeat(depth + 1));
      if (node.kind === 'object') {
        out.push(`${e.key.text}: `);
        write(e.value, depth + 1);
      } else {
        write(e, depth + 1);
      }
      if (n < entries.length - 1) out.push(',');
    });
    out.push('\n' + '  '.repeat(depth) + (node.kind === 'object' ? '}' : ']'));
  })(root, 0);
  return { text: out.join(''), secrets };
}

function collectValues(node) {
  if (node.kind === 'scalar') return node.token.type === 'string' ? [stringValue(node.token), node.token.text] : [node.token.text];
  if (node.kind === 'array') return node.items.flatMap(collectValues);
  return node.members.flatMap((m) => collectValues(m.value));
}

/** Hides every occurrence of the redacted values in free text (messages quote claims). */
function scrub(text, secrets) {
  let out = text ?? '';
  for (const s of secrets) {
    if (!s) continue;
    if (s.length >= 4) out = out.split(s).join(REDACTED);
    else out = out.split(`"${s}"`).join(`"${REDACTED}"`);
  }
  return out;
}

const TARGET_NAMES = {
  cognitoApi: 'Cognito user-pool API',
  apiGatewayRest: 'API Gateway REST API, Cognito authorizer',
  apiGatewayHttp: 'API Gateway HTTP API, JWT authorizer',
  oidc: 'OpenID Connect client',
};

/** The service a target names, for people. */
export function targetName(kind) {
  return TARGET_NAMES[kind] ?? kind;
}

function describeTarget(target) {
  if (!target) return null;
  const parts = [targetName(target.kind)];
  if (target.operation) parts.push(`operation ${target.operation}`);
  if (target.scopes?.length) parts.push(`scopes ${target.scopes.join(' ')}`);
  if (target.providerArns) parts.push(`${target.providerArns.length} user pool ARN(s)`);
  if (target.identityValidationExpression) parts.push('a token validation regex');
  if (target.audiences) parts.push(`${target.audiences.length} audience(s)`);
  return parts.join(', ');
}

const fence = (lang, text) => {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text}\n${ticks}`;
};
const mdLine = (s) => String(s ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/**
 * A Markdown report of a result for a support ticket: verdict, answers, findings, and each token's header and
 * payload with the signature removed and `redact` claims (plus ALWAYS_REDACTED) replaced by "[redacted]".
 * @param {object} result an `inspect` result
 * @param {string} input the input given to `inspect`
 * @param {object} options the options given to `inspect`
 * @param {{ redact?: string[], version?: string }} settings
 */
export function report(result, input, options = {}, { redact = [] } = {}) {
  const names = new Set([...ALWAYS_REDACTED, ...redact]);
  const secrets = new Set();
  const tokens = result.tokens.map((t, i) => {
    const parts = {};
    for (const part of ['header', 'payload']) {
      const decoded = t[part];
      if (!decoded) continue;
      if (decoded.text === null) {
        parts[part] = '(not UTF-8)';
        continue;
      }
      const r = redactJson(decoded.text, part === 'payload' ? names : new Set());
      if (r) {
        r.secrets.forEach((s) => secrets.add(s));
        parts[part] = r.text;
      } else {
        // Not JSON: cannot tell claims apart, so none of it is copied.
        parts[part] = `(not JSON, ${decoded.text.length} characters, left out)`;
      }
    }
    return { t, i, parts };
  });
  const s = (text) => scrub(text, [...secrets].sort((a, b) => b.length - a.length));
  const out = ['# jwtlens report', ''];
  const when = typeof options.now === 'number' ? new Date(options.now * 1000).toISOString().replace('.000Z', 'Z') : 'not set';
  out.push(`Evaluation time: ${when}${options.clockSkew ? `, clock skew ${options.clockSkew} s` : ''}.`);
  out.push(`Tokens: ${result.tokens.length}. Signatures removed; claims redacted: ${[...names].join(', ')}.`, '');
  const v = result.verdict;
  if (v) {
    out.push(`## Verdict: ${v.decision.toUpperCase()}`, '', `Target: ${describeTarget(options.target) ?? targetName(v.target)}.`, '', s(v.summary), '');
    out.push('| rule | outcome | detail |', '|---|---|---|');
    for (const r of v.rules) out.push(`| ${mdLine(s(r.description))} | ${r.outcome} | ${mdLine(s(r.detail))} |`);
    out.push('');
    for (const a of v.assumptions ?? []) out.push(`- Assumed: ${s(a)}`);
    if (v.assumptions?.length) out.push('');
  }
  const answers = result.answers ?? [];
  if (!v && answers.length) {
    out.push('## What services would decide', '');
    for (const a of answers) out.push(`- **${a.decision}** — ${s(a.service)}: ${s(a.reason)}${a.fix ? ` Fix: ${s(a.fix)}` : ''}`);
    out.push('');
  }
  const shown = result.findings.filter((f) => f.code !== 'INPUT_EMPTY');
  out.push(`## Findings (${shown.length})`, '');
  for (const sev of SEVERITIES) {
    for (const f of shown.filter((x) => x.severity === sev)) {
      const where = f.location?.token !== undefined && result.tokens.length > 1 ? ` (${tokenLabel(result, f.location.token)})` : '';
      out.push(`- **${sev}** \`${f.code}\`${where}: ${s(f.message)}${f.fix ? `  \n  Fix: ${s(f.fix)}` : ''}`);
    }
  }
  if (shown.length === 0) out.push('None.');
  out.push('');
  for (const ver of result.verifications ?? []) {
    out.push(`Signature of ${tokenLabel(result, ver.token)}: ${ver.valid ? `valid (${ver.algorithm}${ver.matchedKey?.kid ? `, kid ${s(ver.matchedKey.kid)}` : ''})` : 'not verified'}.`);
  }
  if (result.verifications?.length) out.push('');
  for (const { t, i, parts } of tokens) {
    const d = (result.diagnoses ?? []).find((x) => x.token === i);
    const what = [t.kind.toUpperCase(), d && d.tokenUse !== 'unknown' ? `${d.tokenUse} token` : null, d && d.provider.id !== 'unknown' ? d.provider.name : null].filter(Boolean).join(', ');
    out.push(`## ${result.tokens.length > 1 ? `${tokenLabel(result, i)}: ` : 'Token: '}${what}`, '');
    if (parts.header) out.push('Header:', '', fence('json', parts.header), '');
    if (parts.payload) out.push('Payload:', '', fence('json', parts.payload), '');
    const signature = signatureSegment(t);
    if (signature) out.push(`Signature: removed (${base64urlLength(signature)} bytes).`, '');
  }
  out.push('Made with jwtlens, which runs locally: nothing was sent anywhere.');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Example tokens for the two motivating cases. Claims are obviously fake (example pool, zero UUIDs, example.com);
// the signature is zero bytes of the right length, so nothing here verifies.

function b64url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const EXAMPLE_POOL = 'us-east-1_EXAMPLE';
const EXAMPLE_ISS = `https://cognito-idp.us-east-1.amazonaws.com/${EXAMPLE_POOL}`;
const EXAMPLE_CLIENT = '1example2client3id4abcdefg';
const zeroSignature = 'A'.repeat(342);

/**
 * The example tokens: `getUser`, a hosted-UI access token requested with scope "openid email" (GetUser refuses
 * it: no aws.cognito.signin.user.admin scope), and `restIdToken`, an ID token sent to a REST API method whose
 * Cognito authorizer has OAuth scopes (401: such methods want an access token). Each comes with the context to
 * paste it in. Times are relative to `now` (seconds).
 */
export function examples(now = Math.floor(Date.now() / 1000)) {
  const header = b64url(JSON.stringify({ kid: 'EXAMPLEkeyid1234567890=', alg: 'RS256' }));
  const common = {
    iss: EXAMPLE_ISS,
    origin_jti: '00000000-0000-4000-8000-00000000aaaa',
    event_id: '00000000-0000-4000-8000-00000000bbbb',
    auth_time: now - 600,
    exp: now + 3000,
    iat: now - 600,
    jti: '00000000-0000-4000-8000-00000000cccc',
  };
  const access = {
    sub: '00000000-0000-4000-8000-000000000000', token_use: 'access', scope: 'openid email', ...common,
    version: 2, client_id: EXAMPLE_CLIENT, username: 'example-user',
  };
  const id = {
    at_hash: 'EXAMPLEathash000000000A', sub: '00000000-0000-4000-8000-000000000000', email_verified: true, ...common,
    'cognito:username': 'example-user', aud: EXAMPLE_CLIENT, token_use: 'id', email: 'user@example.com',
  };
  return {
    getUser: {
      title: 'Cognito GetUser: access token without the admin scope',
      token: `${header}.${b64url(JSON.stringify(access))}.${zeroSignature}`,
      context: {},
    },
    restIdToken: {
      title: 'API Gateway REST: ID token on a method with scopes',
      token: `${header}.${b64url(JSON.stringify(id))}.${zeroSignature}`,
      context: { target: { kind: 'apiGatewayRest', providerArns: [`arn:aws:cognito-idp:us-east-1:123456789012:userpool/${EXAMPLE_POOL}`], scopes: ['example-api/orders.read'] } },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The Encode view: what `sign` returned, as the element shows it.

/** Algorithms the Encode view offers, in the order of RFC 7518 (then RFC 8812 and RFC 8037). */
export const SIGN_ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512',
  'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA'];

/**
 * The view of a `Signing` result: the token and its three segments, the findings (as finding views), the JSON error
 * of each editor (line, column, message) and the text that verifies the token in the Decode view (the public JWK,
 * or for a secret the secret itself, which the caller holds).
 * @param {object} signing a `sign` result
 */
export function signView(signing) {
  const findings = signing.findings.map((f, i) => {
    const loc = f.location ?? {};
    return { id: `sign-${i}`, code: f.code, severity: f.severity, message: f.message, fix: f.fix ?? null, part: loc.part ?? null,
      member: loc.member ?? null, line: loc.line ?? null, column: loc.column ?? null, tokenLabel: null, excerpt: null };
  });
  const editorError = (part) => {
    const f = findings.find((x) => x.part === part && x.severity === 'error' && /^SIGN_(JSON_INVALID|HEADER_NOT_OBJECT)$/.test(x.code));
    return f ? { line: f.line, column: f.column, message: f.message } : null;
  };
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    token: signing.token,
    segments: signing.token ? signing.token.split('.') : null,
    alg: signing.alg,
    header: signing.header,
    payload: signing.payload,
    findings,
    counts,
    headerError: editorError('header'),
    payloadError: editorError('payload'),
    publicJwk: signing.publicJwk ? JSON.stringify(signing.publicJwk) : null,
  };
}

/**
 * The algorithm a test key is generated for: the one chosen, else the header's own `alg` when it names a signature
 * algorithm, else ES256 (fast to generate, and what most providers' docs show after RS256).
 */
export function keyAlgorithm(chosen, headerText) {
  if (SIGN_ALGORITHMS.includes(chosen)) return chosen;
  try {
    const alg = JSON.parse(headerText)?.alg;
    if (SIGN_ALGORITHMS.includes(alg)) return alg;
    if (alg === 'Ed25519') return 'EdDSA';
  } catch {
    // Not JSON yet: the editor shows why.
  }
  return 'ES256';
}

// ---------------------------------------------------------------------------------------------------------------
// A session keeps the last full result where it was computed (main thread or Worker) and answers the element's
// follow-up questions (more tokens, all findings, the report) without moving the whole result around.

/** @param {{ inspect(input: string, options?: object): object }} api */
export function createSession(api) {
  let last = null;
  return {
    run(input, options, limits) {
      const result = api.inspect(input, options);
      const withMeanings = { ...limits, describe: api.describeClaim };
      last = { result, input, options, limits: withMeanings };
      return view(result, input, options, withMeanings);
    },
    tokens(from, to) {
      return last ? tokenViews(last.result, last.input, last.options, from, to, last.limits) : [];
    },
    findings(severity) {
      return last ? findingViews(last.result, last.input, severity) : [];
    },
    report(settings) {
      return last ? report(last.result, last.input, last.options, settings) : '';
    },
  };
}

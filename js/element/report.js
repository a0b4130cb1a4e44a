// The redacted report of <jwt-lens>: Markdown for a support ticket or an issue. It never contains the token's
// encoded text (that would carry the redacted claims and the signature), the keys, or the Authorization header given
// to a target.
import { parseTree, stringValue, tokenizeJson } from '../json-text.js';
import { SEVERITIES, base64urlLength, signatureSegment, targetName, tokenLabel } from './model.js';

/** Claims always redacted in the report: they identify a person or a single token. */
export const ALWAYS_REDACTED = ['sub', 'email', 'username', 'cognito:username', 'jti'];
/** Claims ticked for redaction by default (personal data, identifiers of a sign-in); the user can untick them. */
export const DEFAULT_REDACTED = ['origin_jti', 'event_id', 'device_key', 'phone_number', 'name', 'given_name', 'family_name',
  'middle_name', 'nickname', 'preferred_username', 'birthdate', 'address', 'picture', 'identities', 'nonce', 'at_hash', 'sid', 'oid',
  'upn', 'unique_name', 'ipaddr', 'uid', 'user_id'];


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


// The debugger element's model: every read of an `inspect` result happens here and in report.js, and nowhere else,
// so a change of the result's shape is an edit in these two files. It turns a result into a plain "view" (strings,
// numbers, arrays) that the element renders as text. No DOM: it runs on the main thread for small pastes and inside
// the element's Worker for big ones (worker.js, through session.js).
import { clockSeconds } from '../clock.js';
import { TARGETS } from '../generated/tables.js';
import { jsonMembers, prettyJson } from '../json-text.js';

export const SEVERITIES = ['error', 'warning', 'info'];

/** Tokens shown in full; beyond this the rest are summarised behind "show all" (the cap). */
export const TOKEN_LIMIT = 20;
/** Findings sent to the page per severity before "show all". */
export const FINDING_LIMIT = 100;

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

export function tokenLabel(result, index) {
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
export function signatureSegment(token) {
  if (token.serialization !== 'compact' || token.kind === 'jwe') return null;
  const parts = token.compact.split('.');
  return parts.length === 3 && parts[2] !== '' ? parts[2] : null;
}

/** How many bytes a base64url text decodes to. */
export function base64urlLength(text) {
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
  // The instant crosses the boundary as a number (time.seconds); iso is for reading.
  const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(time.seconds * 1000));
  return { iso: time.iso, seconds: time.seconds, local, relative: time.relative ?? null };
}

const TIMELINE = ['auth_time', 'iat', 'nbf', 'exp'];

function tokenView(result, input, index, token, findings, evaluation, describe, inner = false) {
  const diagnosis = inner ? null : (result.diagnoses ?? []).find((d) => d.token === index) ?? null;
  const mine = findings.filter((f) => f.token === index);
  const catalogue = diagnosis?.catalogue ?? [];
  const explain = (part, name) => catalogue.find((c) => c.part === part && c.name === name && Boolean(c.inner) === inner);
  const members = ['header', 'payload'].flatMap((part) => jsonMembers(token[part]?.text ?? null).map((m) => ({ part, ...m })));
  // Meanings are static text, not carried by every result: looked up for the whole token in one call.
  const meanings = describe && diagnosis && members.length
    ? describe(members.map(({ name, part }) => ({ name, part })), { provider: diagnosis.provider.id }) : [];
  const claims = members.map((m, n) => ({ part: m.part, name: m.name, value: m.value, type: m.type, duplicate: m.duplicate,
    meaning: meanings[n]?.meaning ?? null, definedBy: meanings[n]?.definedBy ?? null, time: timeView(explain(m.part, m.name)?.time) }));
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
    timeline: times.length ? { points: times, evaluation, clock: clockSeconds() } : null,
    errors: mine.filter((f) => f.severity === 'error').length,
    extras: tokenExtras(token),
    inner: token.inner ? tokenView(result, input, index, token.inner, findings, evaluation, describe, true) : null,
  };
}

function ruleView(r, findings, token) {
  const finding = r.code ? findings.find((f) => f.code === r.code && (f.token === token || f.token === null)) : null;
  return { id: r.id, description: r.description, outcome: r.outcome, detail: r.detail, code: r.code ?? null,
    settle: r.settle ?? null, fix: finding?.fix ?? null };
}

/** The findings listed on the page: the result's, then those about the decryption keys (a key that is not read). */
const pageFindings = (result) => (result.decryptionKeys ? [...result.findings, ...result.decryptionKeys.findings] : result.findings);

/**
 * The view of a result: what the element renders. `limit` tokens in full (the rest summarised), `findingLimit`
 * findings per severity.
 * @param {object} result an `inspect` result
 * @param {string} input the input given to `inspect`
 * @param {object} options the options given to `inspect`
 */
export function view(result, input, options = {}, { limit = TOKEN_LIMIT, findingLimit = FINDING_LIMIT, evaluationChosen = false, describe = null } = {}) {
  const all = pageFindings(result).map((f, i) => findingView(result, input, f, i));
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
    serviceErrors: serviceErrorViews(result),
    dpop: dpopView(result),
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
  const all = pageFindings(result).map((f, i) => findingView(result, input, f, i));
  const evaluation = evaluationChosen && typeof options.now === 'number' ? options.now : null;
  return result.tokens.slice(from, to).map((t, i) => tokenView(result, input, from + i, t, all, evaluation, describe));
}

/** All findings of one severity, for "show all". */
export function findingViews(result, input, severity) {
  return pageFindings(result).map((f, i) => findingView(result, input, f, i)).filter((f) => f.severity === severity);
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
    serviceErrors: v.serviceErrors,
    dpop: v.dpop,
  };
}

/** The service a target kind names, for people (from the core's tables). */
export function targetName(kind) {
  return TARGETS.find((t) => t.kind === kind)?.label ?? kind;
}

/** `result.serviceErrors` as views: who said it, what it means, the fix and the agreement with the token. */
export function serviceErrorViews(result) {
  return (result.serviceErrors ?? []).map((e) => ({
    source: e.source, alsoFrom: e.alsoFrom ?? [], code: e.code ?? null, text: e.text, meaning: e.meaning, fix: e.fix,
    findings: e.findings ?? [], agreement: e.agreement, agreementDetail: e.agreementDetail ?? '', token: e.token ?? null,
  }));
}

/** `result.dpop` as a view: the proof's checks in RFC 9449's order, with the tokens they are about. */
export function dpopView(result) {
  const d = result.dpop;
  if (!d) return null;
  return { proof: d.proof, accessToken: d.accessToken ?? null,
    checks: d.checks.map((c) => ({ rule: c.rule, outcome: c.status, detail: c.detail, code: c.code ?? null })) };
}

/** A token's SD-JWT disclosures and its JWE decryption, as views (null when it has none). */
export function tokenExtras(token) {
  const disclosures = token.disclosures ? token.disclosures.map((d) => ({
    name: d.name ?? '(array element)', value: d.value === undefined || d.value === null ? '' : JSON.stringify(d.value),
    status: d.status, digest: d.digest,
  })) : null;
  const x = token.decryption;
  const decryption = x ? { status: x.status, alg: x.alg ?? null, enc: x.enc ?? null, kid: x.kid ?? null,
    text: x.plaintext?.text ?? null, bytes: x.plaintext?.bytes ?? null, inner: x.inner ?? null } : null;
  return { disclosures, decryption, origin: token.origin?.kind ?? null };
}

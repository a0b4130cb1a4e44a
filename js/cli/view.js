// The command's only reader of API results (`inspect`, `parseKeys`): it turns them into plain view objects that
// render.js prints and --lines writes, and decides the exit status. When the result shape grows (answers from
// the paste alone, a top-level `keys`, lean verifications), this file is the one to adapt.
import { TARGETS } from '../generated/tables.js';

/** The service a verdict's target kind names, for people (the core's tables). */
const TARGET_NAMES = Object.fromEntries(TARGETS.map((t) => [t.kind, t.label]));
const SEVERITIES = ['error', 'warning', 'info'];
const DECISION_RANK = { allow: 0, unknown: 1, deny: 2 };

const pick = (object, ...names) => Object.fromEntries(names.map((n) => [n, object[n]]));

/** Findings of every part of the result, each once: the top level, then what verification added. */
function allFindings(result) {
  const seen = new Set();
  const out = [];
  const extra = [result.keys?.findings ?? [], result.decryptionKeys?.findings ?? [], ...(result.verifications ?? []).map((v) => v.findings)];
  for (const f of [...result.findings, ...extra.flat()]) {
    const id = JSON.stringify([f.code, f.message, f.location]);
    if (!seen.has(id)) out.push(f);
    seen.add(id);
  }
  return out;
}

/** `{ error: [...], warning: [...], info: [...] }` with only the severities present, most severe first. */
function bySeverity(findings) {
  const groups = {};
  for (const s of SEVERITIES) {
    const list = findings.filter((f) => f.severity === s).map(({ code, message, fix }) => ({ code, message, fix }));
    if (list.length) groups[s] = list;
  }
  return groups;
}

/** The paste-alone answers (`result.answers`, one per plausible service), when the API gives them. */
function answersOf(result) {
  const seen = new Set();
  return (result.answers ?? []).map((a) => {
    // Each token's first answer is its headline: the service most likely meant for its type (GetUser for a Cognito
    // access token, a REST method without scopes for an ID token). The others are for comparison.
    const headline = !seen.has(a.token);
    seen.add(a.token);
    return { token: a.token, headline, service: a.service, decision: a.decision, reason: a.reason, fix: a.fix ?? null, settle: a.settle ?? null, code: a.code ?? null };
  });
}

function verdictOf(verdict) {
  if (!verdict) return null;
  return {
    target: TARGET_NAMES[verdict.target] ?? verdict.target,
    decision: verdict.decision,
    summary: verdict.summary,
    rules: verdict.rules.map((r) => ({ ...pick(r, 'id', 'outcome', 'description', 'detail'), settle: r.settle ?? null })),
    assumptions: verdict.assumptions ?? [],
  };
}

/** A decoded header or payload: its exact text (`json` when it parsed), or hex when it is not UTF-8. */
function decodedOf(decoded) {
  if (!decoded) return null;
  return { text: decoded.text ?? null, json: decoded.value !== null, hex: decoded.hex ?? null };
}

/** A claim value worth a column in --lines: strings and numbers only, anything else left out. */
const scalar = (v) => (typeof v === 'string' || typeof v === 'number' ? v : undefined);

/** A decoded JSON object's members, or none when it is not an object. */
const members = (decoded) => {
  const v = decoded?.value;
  return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
};

function tokenOf(token, index, diagnosis, verification) {
  const claims = members(token.payload);
  return {
    index,
    label: token.label,
    kind: token.kind,
    alg: scalar(members(token.header).alg) ?? null,
    provider: diagnosis && diagnosis.provider.id !== 'unknown' ? diagnosis.provider.name : null,
    use: diagnosis && diagnosis.tokenUse !== 'unknown' ? diagnosis.tokenUse : null,
    claims: { iss: scalar(claims.iss), sub: scalar(claims.sub), exp: scalar(claims.exp) },
    header: decodedOf(token.header),
    payload: decodedOf(token.payload),
    times: (diagnosis?.catalogue ?? []).filter((e) => e.time && !e.inner)
      .map(({ name, time }) => ({ name, iso: time.iso, relative: time.relative })),
    signature: verification ? {
      valid: verification.valid,
      algorithm: verification.algorithm,
      key: verification.matchedKey && pick(verification.matchedKey, 'index', 'kid'),
    } : null,
    disclosures: token.disclosures ? token.disclosures.map((d) => ({ name: d.name ?? '(array element)', value: JSON.stringify(d.value ?? null), status: d.status })) : null,
    decryption: token.decryption ? pick(token.decryption, 'status', 'alg', 'enc', 'inner') : null,
    inner: token.inner ? tokenOf(token.inner, index, null, null) : null,
  };
}

/**
 * The exit status of a result: 1 for a deny (the verdict, or a token's headline answer), 0 when the target allows,
 * else 1 when a finding is an error and 0 when none is.
 */
function statusOf(verdict, answers, findings) {
  if (verdict?.decision === 'deny' || answers.some((a) => a.headline && a.decision === 'deny')) return 1;
  if (verdict?.decision === 'allow') return 0;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** Everything the human output and --lines show. `decision`: the verdict's, else the most severe headline answer's. */
export function inspectionView(result) {
  const findings = allFindings(result);
  const answers = answersOf(result);
  const verifications = result.verifications ?? [];
  const worst = answers.filter((a) => a.headline).map((a) => a.decision).sort((a, b) => DECISION_RANK[b] - DECISION_RANK[a])[0];
  return {
    serviceErrors: (result.serviceErrors ?? []).map((e) => ({ ...pick(e, 'source', 'text', 'meaning', 'fix', 'agreement'),
      alsoFrom: e.alsoFrom ?? [], code: e.code ?? null, agreementDetail: e.agreementDetail ?? '' })),
    dpop: result.dpop ? { proof: result.dpop.proof, accessToken: result.dpop.accessToken ?? null,
      checks: result.dpop.checks.map((c) => ({ rule: c.rule, outcome: c.status, detail: c.detail })) } : null,
    answers,
    verdict: verdictOf(result.verdict),
    decision: result.verdict?.decision ?? worst ?? null,
    findings: bySeverity(findings),
    codes: findings.map((f) => f.code),
    tokens: result.tokens.map((t, i) => tokenOf(t, i, result.diagnoses?.[i], verifications.find((v) => v.token === i))),
    status: statusOf(result.verdict, answers, findings),
  };
}

/** One `--lines` record, documented in README.md ("Command line"). Absent claims and `valid` are left out. */
export function lineRecord(result, line) {
  const { status, decision, codes, tokens } = inspectionView(result);
  return {
    line, status, decision, codes,
    tokens: tokens.map((t) => ({ ...pick(t, 'kind', 'alg', 'provider', 'use'), ...t.claims, valid: t.signature?.valid })),
  };
}

/** What `parseKeys` read: one row per key, findings by severity, and the exit status (1 for an error finding). */
export function keysView(set) {
  return {
    keys: set.keys.map((k) => ({
      index: k.index,
      format: k.format,
      type: [k.kty, k.crv, k.bits ? `${k.bits} bits` : null].filter(Boolean).join(' '),
      kid: k.kid,
      alg: k.alg,
      use: k.use,
      private: k.private,
      thumbprint: k.thumbprint,
      algorithms: k.algorithms,
      certificate: k.certificate && pick(k.certificate, 'subject', 'notBefore', 'notAfter', 'expired'),
    })),
    findings: bySeverity(set.findings),
    status: set.findings.some((f) => f.severity === 'error') ? 1 : 0,
  };
}

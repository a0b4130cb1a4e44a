// Every diagnosis check through the package: tests/cases/diagnose.json holds, for each code of the diagnosis
// phases, an input that triggers it and one that does not (its `about` says how a case is written). The Rust suite
// crate/tests/diagnose_cases.rs runs the same file against the core, so the two sides cannot drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inspect, codes } from 'jwtlens';
import { jws } from './tokens.mjs';

/** How many cases the file holds; a case removed or added without updating this fails the suite. */
const CASES = 87;
/** The phases of docs/codes.md that diagnose a decoded token (the others are decode, keys and verification). */
const DIAGNOSIS_PHASES = [
  'Options',
  'Time',
  'Claims against expectations',
  'Amazon Cognito',
  'API Gateway authorizers',
  'OpenID Connect, RFC 8725 and RFC 9068',
  'Other providers',
  'Tokens of one sign-in',
];

const file = JSON.parse(await readFile(new URL('../cases/diagnose.json', import.meta.url), 'utf8'));

/** `base` with `overrides` applied: a member set to null is removed. */
function merge(base, overrides = {}) {
  const out = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** Replaces `{token}` in every string of `v`. */
function substitute(v, token) {
  if (typeof v === 'string') return v.replaceAll('{token}', token);
  if (Array.isArray(v)) return v.map((x) => substitute(x, token));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, token)]));
  return v;
}

/** The compact token a variant (or its `second`) describes: a base token with header and payload overrides. */
function build(variant) {
  const base = file.tokens[variant.token];
  assert.ok(base, `unknown base token ${variant.token}`);
  return jws(merge(base.header, variant.header), merge(base.payload, variant.payload));
}

function run(variant) {
  const token = build(variant);
  const second = variant.second ? build(variant.second) : '';
  const input = variant.input === undefined ? token : variant.input.replaceAll('{token}', token).replaceAll('{second}', second);
  // Options keep a null: it means "no value" there (`now: null`: no evaluation time).
  const result = inspect(input, substitute({ now: file.now, ...variant.options }, token));
  return { found: result.findings.map((f) => f.code), decision: result.verdict?.decision };
}

const diagnosisCodes = codes()
  .filter(([phase]) => DIAGNOSIS_PHASES.includes(phase))
  .flatMap(([, entries]) => entries.map((e) => e.code));

test('every diagnosis code has a case that triggers it and one that does not', () => {
  let ran = 0;
  for (const c of file.cases) {
    assert.ok(diagnosisCodes.includes(c.code), `${c.code} is not a diagnosis code`);
    for (const [variant, want] of [['trigger', true], ['pass', false]]) {
      const v = c[variant];
      assert.ok(v, `${c.code}: no ${variant} variant`);
      const { found, decision } = run(v);
      assert.equal(found.includes(c.code), want, `${c.code} (${variant}): ${c.check}\nfound ${found.join(', ')}`);
      if (v.decision !== undefined) assert.equal(decision, v.decision, `${c.code} (${variant}): verdict`);
    }
    ran += 1;
  }
  assert.equal(ran, CASES, 'cases run');
  const missing = diagnosisCodes.filter((code) => !file.cases.some((c) => c.code === code));
  assert.deepEqual(missing, [], 'diagnosis codes without a case');
});

// Every diagnosis check through the package: tests/cases/diagnose.json holds, for each code of the diagnosis
// phases, an input that triggers it and one that does not (its `about` says how a case is written). The Rust suite
// crate/tests/diagnose_cases.rs runs the same file against the core, so the two sides cannot drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect, codes } from 'jwtlens';
import { file, caseCall } from './cases.mjs';

/** How many cases the file holds; a case removed or added without updating this fails the suite. */
const CASES = 105;
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

function run(variant) {
  const { input, options } = caseCall(variant);
  const result = inspect(input, options);
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

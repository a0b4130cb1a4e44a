// Every entry of the core's tables (js/generated/tables.js) is offered by the command line: `--target` takes each
// kind and each alias, `--help` names each kind and each setting's flag, each setting's flag reaches the API as the
// setting, and each target's view name is the table's label. The page's half is tests/browser/surfaces.test.mjs.
// When a target is added to the Rust tables (and the file regenerated), these walk it without an edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALGORITHMS, OPERATIONS, POOL_ID_PATTERN, PROVIDERS, SECRET_ENCODINGS, TARGETS } from '../../js/generated/tables.js';
import { FLAG, help, parseArgs, targetOf, toOptions } from '../../js/cli/args.js';
import { inspectionView } from '../../js/cli/view.js';
import { inspect } from 'jwtlens';

/** A value a setting accepts: arrays for lists, true for switches. */
const sample = (s) => (s.kind === 'list' ? ['sample-1'] : s.kind === 'switch' ? true : `sample-${s.name}`);
/** The command-line arguments that give every setting of `target`. */
const settingArgs = (target) => target.settings.flatMap((s) => (s.kind === 'switch' ? [s.flag] : [s.flag, [sample(s)].flat()[0]]));

test('the tables are there and not empty', () => {
  assert.ok(TARGETS.length >= 5, 'at least the five targets of issue 22');
  assert.ok(OPERATIONS.includes('GetUser'));
  assert.ok(ALGORITHMS.some((a) => a.name === 'EdDSA'));
  assert.ok(PROVIDERS.some((p) => p.id === 'cognito'));
  assert.deepEqual(SECRET_ENCODINGS, ['utf8', 'base64', 'base64url', 'hex']);
  assert.ok(new RegExp(POOL_ID_PATTERN).test('us-east-1_AbC123'));
});

test('--help names every target kind, alias and setting flag', () => {
  const text = help();
  let checked = 0;
  for (const t of TARGETS) {
    assert.ok(text.includes(t.kind), t.kind);
    for (const a of t.aliases) assert.ok(text.includes(a), a);
    for (const s of t.settings) {
      assert.ok(FLAG.has(s.flag), `${t.kind}.${s.name}: no flag ${s.flag}`);
      assert.ok(text.includes(s.flag), s.flag);
      checked++;
    }
  }
  assert.equal(checked, TARGETS.reduce((n, t) => n + t.settings.length, 0));
});

test('--target takes every kind and alias, and every setting flag reaches the API as that setting', () => {
  let checked = 0;
  for (const t of TARGETS) {
    for (const name of [t.kind, ...t.aliases]) {
      assert.equal(targetOf(name)?.kind, t.kind, name);
      const { flags } = parseArgs(['--target', name, ...settingArgs(t), 'token']);
      const { target } = toOptions(flags);
      assert.equal(target.kind, t.kind, name);
      for (const s of t.settings) assert.deepEqual(target[s.name], sample(s), `${name}: ${s.flag} → ${s.name}`);
      // The API accepts exactly what the command line built.
      assert.doesNotThrow(() => inspect('x', { now: 1, target }), name);
      checked++;
    }
  }
  assert.equal(checked, TARGETS.reduce((n, t) => n + 1 + t.aliases.length, 0));
});

test('a required setting left out is a usage error naming its flag', () => {
  for (const t of TARGETS) {
    for (const s of t.settings.filter((x) => x.required)) {
      const args = settingArgs({ settings: t.settings.filter((x) => x !== s && !x.advanced && x.required) });
      const { flags } = parseArgs(['--target', t.kind, ...args, 'token']);
      assert.throws(() => toOptions(flags), new RegExp(`--target ${t.kind} needs ${s.flag}`), `${t.kind} without ${s.flag}`);
    }
  }
});

test('a Cognito operation given as the target is the cognitoApi target', () => {
  for (const op of OPERATIONS) {
    const { target } = toOptions(parseArgs(['--target', op.toLowerCase(), 't']).flags);
    assert.deepEqual(target, { kind: 'cognitoApi', operation: op });
  }
});

test('the text view names each verdict by the table label', () => {
  for (const t of TARGETS) {
    const { target } = toOptions(parseArgs(['--target', t.kind, ...settingArgs(t), 't']).flags);
    const view = inspectionView(inspect('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', { now: 1, target }));
    assert.equal(view.verdict.target, t.label, t.kind);
  }
});

// Reads tests/cases/diagnose.json (its `about` says how a case is written) into the call each variant stands for.
// Shared by diagnose-cases.test.mjs (the full module) and decoder.test.mjs (the decoder-only module).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { jws } from './tokens.mjs';

export const file = JSON.parse(readFileSync(new URL('../cases/diagnose.json', import.meta.url), 'utf8'));

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

/** The `inspect` arguments of a variant: `{ input, options }`. */
export function caseCall(variant) {
  const token = build(variant);
  const second = variant.second ? build(variant.second) : '';
  const input = variant.input === undefined ? token : variant.input.replaceAll('{token}', token).replaceAll('{second}', second);
  // Options keep a null: it means "no value" there (`now: null`: no evaluation time).
  return { input, options: substitute({ now: file.now, ...variant.options }, token) };
}

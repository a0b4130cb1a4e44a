// Builds the seed corpus of the fuzz targets (fuzz/Cargo.toml says how to run them) into fuzz/corpus/<target>/,
// which git ignores: tokens, JWS JSON serializations, pastes and keys from the test vectors (the shared/vectors
// folder next to the repository, or the folder given as the first argument) and from tests/cases/diagnose.json,
// each in the byte layout its target reads: a selector byte first (context and limits), then the text; token and
// key text separated by a NUL byte. Small by design (seeds, not a corpus to commit): libFuzzer grows it.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vectors = resolve(process.argv[2] ?? join(root, '..', 'shared', 'vectors'));
const out = join(root, 'fuzz', 'corpus');

const COMPACT = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?$/;
const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Every JSON file under `dir`. */
function jsonFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

/** Tokens, JWS JSON serializations and keys found anywhere in one parsed JSON document. */
function harvest(value, found = { tokens: new Set(), keys: new Set() }) {
  if (typeof value === 'string') {
    if (COMPACT.test(value)) found.tokens.add(value);
    if (value.includes('-----BEGIN ')) found.keys.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) harvest(item, found);
  } else if (value && typeof value === 'object') {
    if ('payload' in value && ('signature' in value || 'signatures' in value)) found.tokens.add(JSON.stringify(value));
    if (typeof value.kty === 'string' || Array.isArray(value.keys)) found.keys.add(JSON.stringify(value));
    for (const item of Object.values(value)) harvest(item, found);
  }
  return found;
}

const groups = [];
for (const file of jsonFiles(vectors)) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    continue;
  }
  const found = harvest(parsed);
  if (found.tokens.size || found.keys.size) groups.push({ file, tokens: [...found.tokens].slice(0, 60), keys: [...found.keys].slice(0, 30) });
}
// tests/cases: tokens given as header and payload objects; pasted the ways people paste them.
const cases = JSON.parse(readFileSync(join(root, 'tests', 'cases', 'diagnose.json'), 'utf8'));
const caseTokens = Object.values(cases.tokens).map((t) => `${b64(t.header)}.${b64(t.payload)}.${b64('signature')}`);
const pastes = caseTokens.flatMap((t, i) => [
  t,
  `Bearer ${t}`,
  `"${t}"`,
  `Authorization: Bearer Bearer ${t}`,
  JSON.stringify({ id_token: t, access_token: caseTokens[(i + 1) % caseTokens.length], token_type: 'Bearer' }),
  `https://app.example/cb#id_token=${t}&state=x`,
  `curl -H "Authorization: Bearer ${t}" https://api.example.com/items`,
  `${t.slice(0, 40)}\n${t.slice(40)}`,
]);
groups.push({ file: 'tests/cases/diagnose.json', tokens: pastes, keys: [] });

rmSync(out, { recursive: true, force: true });
const counts = {};
function seed(target, selector, text) {
  const bytes = Buffer.concat([Buffer.from([selector]), Buffer.from(text)]);
  const dir = join(out, target);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, createHash('sha1').update(bytes).digest('hex')), bytes);
  counts[target] = (counts[target] ?? 0) + 1;
}
const secret = 'a-string-secret-at-least-256-bits-long';
for (const { tokens, keys } of groups) {
  for (const [i, token] of tokens.entries()) {
    seed('inspect', i % 15, token);
    // Each token with the keys of its own file (a few), or a secret.
    for (const key of (keys.length ? keys : [secret]).slice(0, 4)) {
      seed('inspect_keys', i % 15, `${token}\0${key}`);
      seed('verify', i % 256, `${token}\0${key}`);
    }
  }
  for (const [i, key] of keys.entries()) seed('parse_keys', i % 12, key);
}
for (const [i, text] of ['00ff', 'c2VjcmV0', secret, 'ssh-ed25519 AAAA', 'https://example.com/.well-known/jwks.json'].entries()) seed('parse_keys', i, text);
console.log(`seed corpus in ${out} from ${groups.length} files:`, counts);

// Docs that run: the Node examples of the README and of docs/api.md are executed as written, and their commented
// output checked; the "Use it in your app" snippets of docs/api.md are the tested fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';

const doc = (path) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');

test('the README and docs/api.md examples run and print what they say', async () => {
  const blocks = [];
  for (const path of ['README.md', 'docs/api.md']) {
    blocks.push(...[...(await doc(path)).matchAll(/<!-- example: node -->\n```js\n([\s\S]*?)```/g)].map((m) => m[1]));
  }
  assert.equal(blocks.length, 7, 'README: inspect; docs/api.md: inspect, paste-alone GetUser, GetUser target, verify, createVerifier, sign');
  for (const code of blocks) {
    // Written inside the package so that `import 'jwtlens'` resolves to this package by name.
    const file = new URL('./.readme-example.mjs', import.meta.url);
    await writeFile(file, code);
    try {
      const output = execFileSync(process.execPath, [file.pathname], { encoding: 'utf8' });
      const expected = [...code.matchAll(/\/\/ (.+)$/gm)].map((m) => m[1]).join('\n');
      assert.equal(output.trim(), expected.replace(/^user-1.*$/m, 'user-1').trim());
    } finally {
      await rm(file);
    }
  }
});

test('docs/api.md "Use it in your app" snippets are the tested fixtures, verbatim', async () => {
  const readme = await doc('docs/api.md');
  const snippets = [...readme.matchAll(/<!-- snippet: (\S+) -->\n```\w+\n([\s\S]*?)```/g)];
  assert.equal(snippets.length, 4);
  for (const [, path, body] of snippets) {
    assert.equal(body, await readFile(new URL(`../../${path}`, import.meta.url), 'utf8'), path);
  }
});

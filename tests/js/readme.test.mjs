// Docs that run: the README's Node example is executed as written, and its commented output checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';

test('the README examples run and print what they say', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/<!-- example: node -->\n```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(blocks.length, 6, 'README has the inspect, paste-alone GetUser, GetUser target, verify, createVerifier and sign examples');
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

test('README "Use it in your app" snippets are the tested fixtures, verbatim', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const snippets = [...readme.matchAll(/<!-- snippet: (\S+) -->\n```\w+\n([\s\S]*?)```/g)];
  assert.equal(snippets.length, 4);
  for (const [, path, body] of snippets) {
    assert.equal(body, await readFile(new URL(`../../${path}`, import.meta.url), 'utf8'), path);
  }
});

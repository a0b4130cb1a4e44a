// The package as users get it: `npm pack` of the repository, installed from the tarball into a new project in the
// system's temporary folder. Shared by tests/package/ and tests/cli/.
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../..', import.meta.url));

export const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });

/**
 * Packs the repository and installs the tarball, with `dependencies` besides, into a new scratch project (an ES
 * module package). Returns its folder and the tarball's path; the caller removes the folder.
 */
export async function scratchProject(prefix, dependencies = {}) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: repo }));
  const tarball = join(dir, packed.filename);
  await writeFile(join(dir, 'package.json'), JSON.stringify({
    name: 'scratch', private: true, type: 'module',
    dependencies: { jwtlens: `file:${tarball}`, ...dependencies },
  }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: dir });
  return { dir, tarball };
}

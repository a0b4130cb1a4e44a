// Launches Debian's Chromium (installed by scripts/setup.sh --browser) through playwright-core, headless, with the
// flags this sandbox needs (no background networking: the machine has no internet, see toolchain.md).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function launch() {
  const dir = await mkdtemp(join(tmpdir(), 'jwtlens-chromium-'));
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

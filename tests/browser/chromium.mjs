// Launches Debian's Chromium (installed by scripts/setup.sh --browser) through playwright-core, headless, with the
// flags a machine without internet access needs: without --disable-background-networking and friends, Chromium
// keeps trying to reach Google's services (component updates, sync, safe browsing) and logs failures.
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

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const defaultPath = '/usr/bin/chromium';

/**
 * The browser for end-to-end tests is Debian's Chromium, never a download of a tool's own build.
 * As root on Debian it installs itself on first use, so `npm test` needs no manual step.
 */
export function ensureChromium(): string {
  const path = process.env.CHROMIUM_PATH ?? defaultPath;
  if (existsSync(path)) return path;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('e2e: installing Debian chromium (first run on this machine)…');
    execFileSync(
      'sh',
      ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'],
      {
        stdio: 'inherit',
      },
    );
    if (existsSync(path)) return path;
  }
  throw new Error(
    `No Chromium at ${path}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
  );
}

/** Flags for a headless Chromium that, as root and on a closed network, neither crashes nor phones home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Finds the Chrome/Chromium the tests drive: CHROME_PATH, else Debian's /usr/bin/chromium.
// On a fresh Debian machine without one, installs Debian's `chromium` with apt-get (as root),
// since npm tools cannot download browsers here. Prints the path; exits non-zero if none.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export function findBrowser() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path) => path && existsSync(path));
}

export function ensureBrowser() {
  let path = findBrowser();
  if (path) return path;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log("No Chrome/Chromium found: installing Debian's chromium with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    path = findBrowser();
  }
  if (!path) {
    throw new Error('No Chrome or Chromium found. Install one (Debian: apt-get install chromium) or set CHROME_PATH.');
  }
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureBrowser());
}

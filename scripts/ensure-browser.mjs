// Finds the browsers the tests drive: Chromium (CHROME_PATH, else Debian's /usr/bin/chromium),
// Firefox ESR (/usr/bin/firefox-esr) and WebKitGTK (WebKitWebDriver, MiniBrowser, Xvfb). On a
// fresh Debian machine without them, installs Debian's packages with apt-get (as root), since
// npm tools cannot download browsers here.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/**
 * The flags every headless Chromium of the tests runs with: no sandbox (root), no GPU, and none of
 * the background traffic this machine's closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The WebKitGTK browser that WebKitWebDriver starts. */
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export function findBrowser() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path) => path && existsSync(path));
}

/** Each engine, the files it needs and the Debian packages that bring them. */
const ENGINES = {
  chromium: { present: () => Boolean(findBrowser()), packages: ['chromium'] },
  firefox: { present: () => existsSync(process.env.FIREFOX_PATH || '/usr/bin/firefox-esr'), packages: ['firefox-esr'] },
  webkit: {
    present: () => existsSync('/usr/bin/WebKitWebDriver') && existsSync(MINIBROWSER) && existsSync('/usr/bin/Xvfb'),
    packages: ['webkit2gtk-driver', 'xvfb'],
  },
};

/** Installs (apt-get, as root) whatever `engines` lack, in one go. Throws when one stays missing. */
export function ensureEngines(engines) {
  const missing = engines.filter((engine) => !ENGINES[engine].present());
  if (missing.length === 0) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    const packages = missing.flatMap((engine) => ENGINES[engine].packages);
    console.log(`Installing Debian's ${packages.join(', ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  }
  const still = engines.filter((engine) => !ENGINES[engine].present());
  if (still.length > 0)
    throw new Error(`Browsers missing: ${still.join(', ')} (Debian: apt-get install ${still.flatMap((e) => ENGINES[e].packages).join(' ')}).`);
}

export function ensureBrowser() {
  ensureEngines(['chromium']);
  return findBrowser();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureBrowser());
}

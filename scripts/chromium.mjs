// Finds Chromium and ChromeDriver for the browser tests, the benchmark and the
// screenshots: the one place that knows where they may be.
//
// Chromium: the path in AMNISTIA_CHROMIUM if it is set (a missing file there
// is an error, never a fall-back), else the usual paths of Debian, Ubuntu
// (including the snap), Fedora and macOS, else chromium or chromium-browser
// on the PATH, and Google Chrome as a last resort.
// ChromeDriver: the path in CHROMEDRIVER if it is set (the variable that
// wasm-bindgen-test-runner reads), else beside the browser, the usual paths
// or the PATH.
// Each says on stderr which one it uses and why.
//
//   node scripts/chromium.mjs                       prints the browser's path
//   node scripts/chromium.mjs --driver              prints ChromeDriver's path
//   node scripts/chromium.mjs --webdriver-json OUT  writes webdriver.json plus the browser's
//                                                   path to OUT (for wasm-bindgen-test-runner)
//   node scripts/chromium.mjs --check               finds both, prints nothing when both are found
// Exit status: 0 found, 1 not found, 2 AMNISTIA_CHROMIUM or CHROMEDRIVER names a missing file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const VARIABLE = 'AMNISTIA_CHROMIUM';
export const DRIVER_VARIABLE = 'CHROMEDRIVER';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const BROWSERS = [
  '/usr/bin/chromium', // Debian
  '/usr/bin/chromium-browser', // Ubuntu (apt), Fedora
  '/snap/bin/chromium', // Ubuntu (snap)
  '/Applications/Chromium.app/Contents/MacOS/Chromium', // macOS
];
const BROWSER_NAMES = ['chromium', 'chromium-browser'];
const CHROME = ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
const CHROME_NAMES = ['google-chrome', 'google-chrome-stable'];
const DRIVERS = [
  '/usr/bin/chromedriver', // Debian, Fedora
  '/usr/lib/chromium/chromedriver',
  '/usr/lib/chromium-browser/chromedriver', // Ubuntu (apt)
  '/snap/bin/chromium.chromedriver', // Ubuntu (snap)
  '/opt/homebrew/bin/chromedriver', // macOS (Homebrew)
  '/usr/local/bin/chromedriver',
];
const INSTALL = 'Debian 12: apt-get update && apt-get install -y chromium chromium-driver';

export class ChromiumError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'ChromiumError';
    this.status = status; // the CLI's exit status: 1 not found, 2 a variable names a missing file
  }
}

function isExecutable(file) {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name, env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

function fromVariable(name, what, env) {
  const value = env[name];
  if (value === undefined || value === '') return null;
  if (!isExecutable(value)) {
    throw new ChromiumError(`[${what}] ${name}=${value}, but there is no executable file there: fix or unset ${name}`, 2);
  }
  return value;
}

const said = new Set();
function say(what, file, how, quiet) {
  const line = `[${what}] using ${file} (${how})`;
  if (!quiet && !said.has(line)) {
    said.add(line);
    process.stderr.write(line + '\n');
  }
}

/** The Chromium binary's path; throws a ChromiumError when there is none. */
export function findChromium({ env = process.env, quiet = false } = {}) {
  let file = fromVariable(VARIABLE, 'chromium', env);
  let how = `from ${VARIABLE}`;
  if (!file) {
    file = BROWSERS.find(isExecutable) ?? null;
    how = 'found at a usual path';
  }
  if (!file) {
    file = BROWSER_NAMES.map((n) => onPath(n, env)).find(Boolean) ?? null;
    how = 'found on the PATH';
  }
  if (!file) {
    file = CHROME.find(isExecutable) ?? CHROME_NAMES.map((n) => onPath(n, env)).find(Boolean) ?? null;
    how = 'Google Chrome, as no Chromium was found';
  }
  if (!file) {
    throw new ChromiumError(
      `[chromium] no Chromium found (${VARIABLE} is unset; looked at ${BROWSERS.join(', ')} and the PATH). ` +
        `Install it (${INSTALL}) or set ${VARIABLE} to the browser's path`,
      1,
    );
  }
  say('chromium', file, how, quiet);
  return file;
}

/** ChromeDriver's path (beside `browser` first, if given); throws a ChromiumError when there is none. */
export function findChromedriver({ env = process.env, quiet = false, browser = null } = {}) {
  let file = fromVariable(DRIVER_VARIABLE, 'chromedriver', env);
  let how = `from ${DRIVER_VARIABLE}`;
  if (!file && browser) {
    const beside = [path.dirname(browser), path.dirname(fs.realpathSync(browser))].map((d) => path.join(d, 'chromedriver'));
    file = beside.find(isExecutable) ?? null;
    how = 'beside the browser';
  }
  if (!file) {
    file = DRIVERS.find(isExecutable) ?? null;
    how = 'found at a usual path';
  }
  if (!file) {
    file = onPath('chromedriver', env);
    how = 'found on the PATH';
  }
  if (!file) {
    throw new ChromiumError(
      `[chromedriver] no ChromeDriver found (${DRIVER_VARIABLE} is unset; looked beside the browser, at ${DRIVERS.join(', ')} and the PATH). ` +
        `Install it (${INSTALL}) or set ${DRIVER_VARIABLE} to its path`,
      1,
    );
  }
  say('chromedriver', file, how, quiet);
  return file;
}

/** webdriver.json (the runner's Chromium flags) with the browser's path added, written to `out`. */
export function writeWebdriverJson(out, browser) {
  const caps = JSON.parse(fs.readFileSync(path.join(ROOT, 'webdriver.json'), 'utf8'));
  caps['goog:chromeOptions'] = { ...caps['goog:chromeOptions'], binary: browser };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(caps, null, 2) + '\n');
}

/** The browser for looking beside it, or null when there is none (a bad AMNISTIA_CHROMIUM still throws). */
function browserIfAny() {
  try {
    return findChromium({ quiet: true });
  } catch (e) {
    if (e instanceof ChromiumError && e.status === 1) return null;
    throw e;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [mode, out] = process.argv.slice(2);
  try {
    if (mode === undefined) {
      console.log(findChromium());
    } else if (mode === '--driver') {
      console.log(findChromedriver({ browser: browserIfAny() }));
    } else if (mode === '--check') {
      findChromedriver({ browser: findChromium({ quiet: true }), quiet: true });
    } else if (mode === '--webdriver-json' && out) {
      writeWebdriverJson(path.resolve(out), findChromium());
      console.log(path.resolve(out));
    } else {
      console.error('usage: node scripts/chromium.mjs [--driver | --check | --webdriver-json OUT]');
      process.exit(2);
    }
  } catch (e) {
    if (!(e instanceof ChromiumError)) throw e;
    console.error(e.message);
    process.exit(e.status);
  }
}

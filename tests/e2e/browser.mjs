// Launches a headless Chromium of the system through playwright-core (never a
// downloaded browser). Which one: scripts/chromium.mjs (AMNISTIA_CHROMIUM, else
// the usual paths), looked up when this module loads, so that a test file stops
// at once, with the reason, when there is none.
//   const browser = await launch(); ... await browser.close();
import { findChromium } from '../../scripts/chromium.mjs';

export const CHROMIUM = findChromium();

export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking', // the network is closed: no background requests
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launch(options = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

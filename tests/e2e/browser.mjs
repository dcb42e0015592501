// Launches Debian's headless Chromium through playwright-core (never a downloaded browser).
//   const browser = await launch(); ... await browser.close();
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking', // the network is closed: no background requests
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(options = {}) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

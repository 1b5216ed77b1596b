/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core
 * (which never downloads a browser), and one static server on 127.0.0.1 for the pages.
 */
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's chromium package puts the browser. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Flags for running as root in a container with no network but loopback. Playwright gives every
 * launch a fresh temporary profile (its own --user-data-dir, deleted on close), so none is passed.
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** launchChromium starts the browser; close it when done. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 60_000 });
}

// The system Chromium, driven by playwright-core (Playwright's own browser download cannot work
// on these machines), and the helpers every spec shares.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = required('BASE_URL');
export const DATA = required('AUTHORWORKS_DATA');
export const SCREENSHOTS = required('SCREENSHOTS');

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the specs through e2e/run.sh`);
  return value;
}

/**
 * A fresh browser. Playwright gives every launch a new temporary profile (--user-data-dir) and
 * removes it on close; it refuses that flag from callers.
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { browser, close: () => browser.close() };
}

/**
 * A page that records every console error, uncaught exception and CSP violation, so a spec can
 * assert the app ran cleanly.
 */
export async function openPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, baseURL: BASE_URL });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  return { page, context, problems };
}

/** Saves a screenshot of the whole screen under docs/screenshots. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

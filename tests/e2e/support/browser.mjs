// Debian's Chromium driven by playwright-core (no browser downloads).
import { webRequire } from './paths.mjs';

const { chromium } = webRequire('playwright-core');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches Chromium with a fresh temporary profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    args: ARGS,
    timeout: 60000,
  });
}

/**
 * A page in a fresh context (empty localStorage, so Dutch first) that records
 * console errors (CSP refusals among them) and uncaught page errors.
 */
export async function newPage(browser) {
  const context = await browser.newContext({
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const problems = [];
  page.on('console', (msg) => {
    // Chromium logs every 4xx answer; the tests provoke those on purpose.
    const expected = /^Failed to load resource: the server responded with a status of 4\d\d/;
    if (msg.type() === 'error' && !expected.test(msg.text()))
      problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

/** Waits until the page shows its h1 and nothing is loading any more. */
export async function settled(page) {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.regie-loading'));
}

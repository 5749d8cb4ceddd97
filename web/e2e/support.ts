import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page, type Response } from 'playwright-core';
import { inject } from 'vitest';

export const DEMO_PASSWORD = 'Changai@2026';
const SCREENSHOTS = fileURLToPath(new URL('../../test-artifacts/screenshots', import.meta.url));

export const baseUrl = () => inject('baseUrl');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser context (own cookies and storage) at a desktop size, Chinese first. */
export async function newPage(browser: Browser, locale = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return page;
}

/** Every app path must answer with the app itself (the server's SPA fallback), never with an API error. */
async function expectApp(response: Response | null, pathname: string) {
  const type = response?.headers()['content-type'] ?? '';
  if (!response?.ok() || !type.startsWith('text/html')) {
    const body = (await response?.text().catch(() => '')) ?? '';
    throw new Error(`GET ${pathname} answered ${response?.status()} ${type} instead of the web app: ${body.slice(0, 300)}`);
  }
}

/** Opens a URL as typed into the address bar. */
export async function visit(page: Page, pathname: string) {
  await expectApp(await page.goto(`${baseUrl()}${pathname}`), pathname);
}

/** Reloads the current page, as the browser's reload button does. */
export async function reload(page: Page) {
  await expectApp(await page.reload(), new URL(page.url()).pathname);
}

/** Signs in through the login form (labels in Chinese unless `english`). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD, english = false) {
  // From the bare address, as most people arrive: the app sends them to the sign-in page.
  await visit(page, '/');
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByLabel(english ? 'Username' : '用户名').fill(username);
  await page.getByLabel(english ? 'Password' : '密码', { exact: true }).fill(password);
  // antd spaces two-character Chinese button labels: 登 录.
  await page.getByRole('button', { name: english ? 'Sign in' : /^登\s*录$/ }).click();
  // Landed (the app has left the sign-in page and the home redirect), or refused with a message.
  await Promise.race([
    page.waitForURL((url) => url.pathname !== '/login' && url.pathname !== '/').catch(() => {}),
    page
      .getByRole('alert')
      .first()
      .waitFor()
      .catch(() => {}),
  ]);
}

/** Waits until the locator's text satisfies the check (playwright-core has no web-first assertions). */
export async function waitForText(locator: Locator, expected: string | RegExp, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last =
      (await locator
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => null)) ?? '';
    if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Expected ${String(locator)} to contain ${String(expected)}, last saw: ${JSON.stringify(last)}`);
}

export async function waitForUrl(page: Page, test: (url: URL) => boolean, timeout = 15_000) {
  await page.waitForURL((url) => test(url), { timeout });
}

/** Full-page screenshot for people to look at; never compared automatically. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Let antd's motion finish so the picture shows the settled page.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

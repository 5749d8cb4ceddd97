import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signIn, waitForText, waitForUrl } from './support';

describe('reform network', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('counts 12 member units and 25 liaison units, and reveals a liaison phone to the province admin', async () => {
    const page = await newPage(browser);
    await signIn(page, 'admin');
    await waitForUrl(page, (url) => url.pathname === '/dashboard');
    await page.getByRole('menuitem', { name: '改革工作网络' }).click();
    await waitForUrl(page, (url) => url.pathname === '/network');

    await waitForText(page.getByRole('group', { name: '成员单位' }), /12\s*家/);
    await waitForText(page.getByRole('group', { name: '联络员单位' }), /25\s*家/);
    await waitForText(page.getByRole('group', { name: '领导小组办公室' }), /1\s*家/);
    await screenshot(page, 'network');

    await page.getByRole('group', { name: '成员单位' }).click();
    await waitForUrl(page, (url) => url.searchParams.get('role') === 'member');
    const rows = page.locator('.ant-table-tbody').getByRole('row');
    await waitForText(rows.first(), '成员单位');
    expect(await rows.count()).toBe(12);

    const first = rows.first();
    const masked = await waitForText(first, /\*{4}/);
    await first.getByRole('button', { name: /查看/ }).click();
    const revealed = await waitForText(first, /\d{3,4}-?\d{7,8}|\d{11}/);
    expect(revealed).not.toBe(masked);
    expect(revealed).not.toMatch(/\*{4}/);

    await first.getByRole('button', { name: '详情' }).click();
    const drawer = page.getByRole('dialog');
    await waitForText(drawer, '任职记录');
    await waitForText(drawer, '联络人');
    await screenshot(page, 'network-unit', { fullPage: false });
    await page.context().close();
  });
});

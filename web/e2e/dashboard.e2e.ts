import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signIn, visit, waitForText, waitForUrl } from './support';

describe('the leaders’ dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the province the seed’s figures as of October 2020, drills down to Wuhan, and opens the bulletin', async () => {
    const admin = await newPage(browser);
    await signIn(admin, 'admin');
    // Leaders land on the dashboard.
    await waitForUrl(admin, (url) => url.pathname === '/dashboard');
    await admin.getByRole('menuitem', { name: '数据看板' }).click();
    await waitForUrl(admin, (url) => url.pathname === '/dashboard');
    await visit(admin, '/dashboard?asOf=2020-10-31');
    await waitForText(admin.getByRole('group', { name: '国家及省级高技能人才培训基地' }), '51');
    await waitForText(admin.getByRole('group', { name: '技能大师工作室' }), '172');
    await waitForText(admin.getByRole('group', { name: '各级职工培训基地' }), '149');
    await waitForText(admin.getByRole('group', { name: '职工创新工作室' }), '3,102');
    await waitForText(admin.getByRole('group', { name: '配套政策' }), '49');
    await waitForText(admin.getByRole('group', { name: '配套政策' }), '其中当年出台 12 个');
    await waitForText(admin.getByRole('group', { name: '领导小组成员单位' }), '12');
    await waitForText(admin.getByRole('group', { name: '联络员单位' }), '25');
    // The demo registry loads in the background after the first start: the share settles at the seed's 30.1%.
    await waitForText(admin.getByRole('group', { name: '高技能人才占技能劳动者比例' }), '30.1', 120_000);
    await admin.getByRole('img', { name: '高技能人才走势' }).locator('canvas').waitFor();
    await admin.getByRole('img', { name: '分地区' }).locator('canvas').waitFor();
    await admin.getByText('计算于').first().waitFor();
    await screenshot(admin, 'dashboard-province');

    // Clicking 武汉市 on the prefecture tiles drills down.
    await admin.getByRole('navigation', { name: '全省分布' }).getByRole('button', { name: '武汉市' }).click();
    await waitForUrl(admin, (url) => url.pathname === '/dashboard' && url.searchParams.has('orgId'));
    await admin.getByRole('heading', { name: /武汉市 · 产改数据看板/ }).waitFor();
    await waitForText(admin.locator('.ant-breadcrumb'), '湖北省');
    await waitForText(admin.locator('.ant-table-tbody'), '武昌区');
    await screenshot(admin, 'dashboard-wuhan');

    // And the bulletin states the figures in sentences.
    await admin.getByRole('link', { name: /生成简报/ }).click();
    await waitForUrl(admin, (url) => url.pathname === '/dashboard/bulletin');
    await waitForText(admin.getByRole('article'), /^武汉市/);
    await admin.getByRole('button', { name: /返回看板/ }).click();
    await admin.getByRole('link', { name: '湖北省' }).click();
    await admin.getByRole('heading', { name: /湖北省 · 产改数据看板/ }).waitFor();
    await admin.getByRole('link', { name: /生成简报/ }).click();
    const text = await waitForText(admin.getByRole('article'), '占技能劳动者的30.1%');
    expect(text).toContain('截至10月，全省出台产业工人队伍建设改革配套政策49个，其中2020年出台12个');
    expect(text).toContain('全省国家及省级高技能人才培训基地51个、技能大师工作室172个、职工培训基地149个、职工创新工作室3102个');
    await screenshot(admin, 'dashboard-bulletin');

    // The administrator's indicator page: versions and the provisional target.
    await admin.getByRole('menuitem', { name: '指标与目标' }).click();
    await waitForText(admin.locator('.ant-table-tbody'), '32.6');
    await screenshot(admin, 'dashboard-indicators', { fullPage: false });
    await admin.context().close();
  });

  it('shows a regional manager only their prefecture', async () => {
    const wuhan = await newPage(browser);
    await signIn(wuhan, 'wuhan');
    await waitForUrl(wuhan, (url) => url.pathname === '/dashboard');
    await wuhan.getByRole('menuitem', { name: '数据看板' }).click();
    await wuhan.getByRole('heading', { name: /武汉市 · 产改数据看板/ }).waitFor();
    await waitForText(wuhan.locator('.ant-table-tbody'), '江岸区');
    expect(await wuhan.locator('.ant-breadcrumb').textContent()).not.toContain('湖北省');
    expect(await wuhan.getByRole('navigation', { name: '全省分布' }).count()).toBe(0);
    expect(await wuhan.getByRole('menuitem', { name: '指标与目标' }).count()).toBe(0);
    await screenshot(wuhan, 'dashboard-regional-manager');
    await wuhan.context().close();
  });
});

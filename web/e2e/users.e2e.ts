import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signIn, visit, waitForText, waitForUrl } from './support';

describe('users and roles', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a user who must change the initial password at first sign-in', async () => {
    const page = await newPage(browser);
    await signIn(page, 'admin');
    await waitForUrl(page, (url) => url.pathname === '/dashboard');
    await page.getByRole('menuitem', { name: '用户与角色' }).click();
    await waitForUrl(page, (url) => url.pathname === '/users');
    await page.getByRole('row').filter({ hasText: 'wugang_hr' }).waitFor();

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名').fill('x');
    await dialog.getByLabel('姓名').fill('江汉测试职工');
    await dialog.getByLabel('初始密码').fill('short');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('至少需要 3 个字符').waitFor();
    await dialog.getByText('至少需要 10 个字符').waitFor();

    await dialog.getByLabel('用户名').fill('e2e.jianghan');
    await dialog.getByLabel('初始密码').fill('Initial#2026');
    await dialog.getByLabel('所属机构').click();
    await dialog.getByLabel('所属机构').fill('江汉区');
    await page.getByRole('treeitem', { name: /^江汉区/ }).click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已创建用户“江汉测试职工”').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'e2e.jianghan' });
    await waitForText(row, '待改初始密码');
    await waitForText(row, '江汉区');
    await waitForText(row, '职工');
    await screenshot(page, 'users');

    await page.getByRole('tab', { name: '角色权限' }).click();
    await waitForUrl(page, (url) => url.searchParams.get('tab') === 'roles');
    await waitForText(page.getByRole('row').filter({ hasText: '查看个人敏感信息' }), '全省');
    await screenshot(page, 'roles');

    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await waitForUrl(page, (url) => url.pathname === '/login');

    await signIn(page, 'e2e.jianghan', 'Initial#2026');
    await waitForUrl(page, (url) => url.pathname === '/change-password');
    await page.getByRole('heading', { name: '请修改初始密码' }).waitFor();
    await screenshot(page, 'change-password');
    await visit(page, '/account');
    await waitForUrl(page, (url) => url.pathname === '/change-password');

    await page.getByLabel('当前密码').fill('Initial#2026');
    await page.getByLabel('新密码', { exact: true }).fill('MyOwn#Pass2026');
    await page.getByLabel('确认新密码').fill('MyOwn#Pass2026');
    await page.getByRole('button', { name: '确认修改' }).click();
    // A worker's home is their own profile.
    await waitForUrl(page, (url) => url.pathname.startsWith('/workers'));
    await page.getByText('密码已修改').waitFor();
    const menu = page.getByRole('menu', { name: '主菜单' });
    // 我的档案, 我的贯通, 个人账户.
    expect(await menu.getByRole('menuitem').count()).toBe(3);
    await menu.getByRole('menuitem', { name: '个人账户' }).click();
    await waitForUrl(page, (url) => url.pathname === '/account');
    await waitForText(page.getByRole('button', { name: '用户菜单' }), '江汉测试职工');
    await screenshot(page, 'account');
    await page.context().close();
  });
});

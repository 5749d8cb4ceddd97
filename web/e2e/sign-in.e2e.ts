import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, reload, screenshot, signIn, visit, waitForText, waitForUrl } from './support';

describe('signing in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in as admin in Chinese, shows the shell, and remembers English after a reload', async () => {
    const page = await newPage(browser);
    await visit(page, '/');
    await waitForUrl(page, (url) => url.pathname === '/login');
    await page.getByRole('heading', { name: '账号登录' }).waitFor();
    await page.getByText('产业工人队伍建设改革服务平台').first().waitFor();
    await screenshot(page, 'login');

    await signIn(page, 'admin');
    await waitForUrl(page, (url) => url.pathname === '/dashboard');
    const menu = page.getByRole('menu', { name: '主菜单' });
    for (const item of ['组织机构', '改革工作网络', '用户与角色', '审计日志', '个人账户']) {
      await menu.getByRole('menuitem', { name: item }).waitFor();
    }
    const userMenu = page.getByRole('button', { name: '用户菜单' });
    await waitForText(userMenu, '省产改办管理员');
    await waitForText(userMenu, '省级管理员');
    await waitForText(userMenu, '湖北省总工会');

    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menu', { name: 'Main menu' }).getByRole('menuitem', { name: 'Organizations' }).waitFor();
    await page.getByRole('heading', { name: 'Reform dashboard' }).waitFor();

    await reload(page);
    await page.getByRole('menu', { name: 'Main menu' }).getByRole('menuitem', { name: 'Reform network' }).waitFor();
    await page.getByRole('heading', { name: 'Reform dashboard' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    await waitForText(page.getByRole('button', { name: 'User menu' }), 'Province administrator');
    await screenshot(page, 'dashboard-english');
    await page.context().close();
  });

  it('shows the translated server message for a wrong password, in Chinese and in English', async () => {
    const page = await newPage(browser);
    await signIn(page, 'reviewer', 'not-the-password');
    await page.getByRole('alert').filter({ hasText: '用户名或密码不正确。' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login-wrong-password');

    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByLabel('Password', { exact: true }).fill('still-not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
    await page.context().close();
  });
});

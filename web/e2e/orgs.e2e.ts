import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signIn, visit, waitForText, waitForUrl } from './support';

/** A tree node by its title (the switcher icon is part of the accessible name, so match the title text). */
const treeNode = (page: Page, name: string) => page.getByRole('treeitem').filter({ has: page.getByText(name, { exact: true }) });

async function expand(page: Page, name: string) {
  const node = treeNode(page, name);
  if ((await node.getAttribute('aria-expanded')) !== 'true') await node.locator('.ant-tree-switcher').click();
  await waitForAttribute(node, 'aria-expanded', 'true');
}

async function waitForAttribute(locator: Locator, name: string, value: string) {
  const deadline = Date.now() + 10_000;
  while ((await locator.getAttribute(name)) !== value) {
    if (Date.now() > deadline) throw new Error(`${String(locator)} never had ${name}=${value}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('organizations', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('adds a child org under a county, renames it, and finds the rename in the audit log and the org history', async () => {
    const page = await newPage(browser);
    await signIn(page, 'admin');
    await waitForUrl(page, (url) => url.pathname === '/dashboard');
    await visit(page, '/orgs');

    await expand(page, '湖北省');
    await expand(page, '武汉市');
    await treeNode(page, '江岸区').getByText('江岸区', { exact: true }).click();
    await waitForUrl(page, (url) => url.searchParams.has('org'));
    const detail = page.locator('.ant-card').filter({ has: page.getByRole('tab', { name: '变更记录' }) });
    await waitForText(detail, '县市区');
    await waitForText(detail, '武汉市');
    await screenshot(page, 'orgs');

    await page.getByRole('button', { name: '新增下级' }).click();
    const create = page.getByRole('dialog', { name: '在“江岸区”下新增机构' });
    await create.getByLabel('机构代码').fill('E2E-JA-001');
    await create.getByLabel('机构名称').fill('江岸区测试机械厂');
    await create.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已新增机构“江岸区测试机械厂”').waitFor();
    await waitForText(detail, '江岸区测试机械厂');
    await waitForText(detail, 'E2E-JA-001');
    await treeNode(page, '江岸区测试机械厂').waitFor();

    await detail.getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('dialog', { name: '编辑机构' });
    await edit.getByLabel('机构名称').fill('江岸区测试装备制造厂');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await treeNode(page, '江岸区测试装备制造厂').waitFor();

    await detail.getByRole('tab', { name: '变更记录' }).click();
    const history = detail.getByRole('tabpanel');
    await waitForText(history, '修改机构');
    await waitForText(history, '江岸区测试装备制造厂');
    await waitForText(history, '新增机构');
    await screenshot(page, 'orgs-history');

    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await waitForUrl(page, (url) => url.pathname === '/audit');
    const newest = page.getByRole('row').filter({ hasText: 'org.update' }).first();
    await waitForText(newest, '修改机构');
    await waitForText(newest, 'admin');
    await newest.getByRole('button', { name: /展开行|Expand row/ }).click();
    const diff = page.getByRole('row').filter({ hasText: '江岸区测试装备制造厂' }).first();
    await waitForText(diff, '江岸区测试机械厂');
    await screenshot(page, 'audit');
    await page.context().close();
  });

  it('refuses the org page to a worker, whose menu has no org module', async () => {
    const page = await newPage(browser);
    await signIn(page, 'worker');
    await waitForUrl(page, (url) => url.pathname.startsWith('/workers'));
    const menu = page.getByRole('menu', { name: '主菜单' });
    await menu.getByRole('menuitem', { name: '个人账户' }).waitFor();
    await menu.getByRole('menuitem', { name: '我的档案' }).waitFor();
    await menu.getByRole('menuitem', { name: '我的贯通' }).waitFor();
    expect(await menu.getByRole('menuitem').count()).toBe(3);
    expect(await menu.getByRole('menuitem', { name: '组织机构' }).count()).toBe(0);

    await visit(page, '/orgs');
    await page.getByText('无权访问').waitFor();
    await page.getByRole('link', { name: /返回首页/ }).waitFor();
    await screenshot(page, 'forbidden');
    await page.context().close();
  });

  it('shows a regional manager only their own region as the tree root', async () => {
    const page = await newPage(browser);
    await signIn(page, 'wuhan');
    await waitForUrl(page, (url) => url.pathname === '/dashboard');
    await visit(page, '/orgs');
    const tree = page.getByRole('tree');
    await treeNode(page, '武汉市').waitFor();
    await treeNode(page, '江岸区').waitFor();
    expect(await treeNode(page, '湖北省').count()).toBe(0);
    expect(await tree.getByRole('treeitem').first().getAttribute('aria-expanded')).toBe('true');
    expect(await tree.getByRole('treeitem').first().textContent()).toBe('武汉市');
    await page.context().close();
  });
});

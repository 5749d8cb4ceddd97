import { InboxSchema, PolicyPageSchema, SupervisionBoardSchema, TaskPageSchema, YearSummarySchema } from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { loadDemoData } from '../../cli/demo-data.js';
import { loadReformDemo } from './reform.demo.js';
import * as supervisionService from './supervision.service.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-11-26T08:00:00Z');
  await loadDemoData(t.system);
  await loadReformDemo(t.system);
  await supervisionService.sweep(t.system);
});
afterAll(() => t.close());

describe('the reform office demo', () => {
  it('holds 49 supporting policies, 12 of them issued in 2020, all by October 2020', async () => {
    const admin = await signIn(t.app, 'admin', 'Changai@2026');
    const all = PolicyPageSchema.parse((await admin.get('/api/v1/policies?limit=100')).json());
    expect(all.total).toBe(49);
    expect(all.years.find((y) => y.year === 2020)?.count).toBe(12);
    expect(all.items.every((p) => p.issuedOn <= '2020-10-31')).toBe(true);
    const titles = all.items.map((p) => p.title).join('\n');
    for (const words of ['职业教育赋能', '百日免费线上技能培训', '安全生产责任保险']) expect(titles).toContain(words);
  });

  it('sums up 2020 with the seed’s figures and mostly completed tasks', async () => {
    const admin = await signIn(t.app, 'admin', 'Changai@2026');
    const summary = YearSummarySchema.parse((await admin.get('/api/v1/reform/summary?year=2020')).json());
    expect(summary.policies).toMatchObject({ total: 49, issued: 12 });
    expect(summary.tasks.due).toBe(14);
    expect(summary.tasks.completed).toBeGreaterThanOrEqual(10);
    expect(summary.reports.onTimeRate).toBeGreaterThan(0.9);
    expect(summary.meetings.map((m) => m.kind)).toContain('video_conference');
    expect(summary.paragraph).toContain('配套政策累计49个，其中当年出台12个');
  });

  it('gives this year live work: reports to correct, overdue periods and tasks on the board', async () => {
    const admin = await signIn(t.app, 'admin', 'Changai@2026');
    const board = SupervisionBoardSchema.parse((await admin.get('/api/v1/supervision')).json());
    expect(board.counts.overdueTasks).toBeGreaterThanOrEqual(1);
    expect(board.counts.notices).toBeGreaterThanOrEqual(1);
    expect(board.scorecards.length).toBeGreaterThanOrEqual(10);
    const renshe = await signIn(t.app, 'renshe', 'Changai@2026');
    const inbox = InboxSchema.parse((await renshe.get('/api/v1/tasks/inbox')).json());
    expect(inbox.items.length).toBeGreaterThan(0);
    const wuhan = await signIn(t.app, 'wuhan', 'Changai@2026');
    const copies = TaskPageSchema.parse((await wuhan.get('/api/v1/tasks')).json());
    expect(copies.items.every((i) => i.org.code === '420100' || i.issuerOrg.code === '420100')).toBe(true);
    expect(copies.total).toBeGreaterThanOrEqual(2);
  });
});

import { ApprovalQueueSchema, CompletenessSchema, ReportingInboxSchema } from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { loadDemoData } from '../../cli/demo-data.js';
import { loadReportingDemo } from './reporting.demo.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-11-26T08:00:00Z');
  await loadDemoData(t.system);
  await loadReportingDemo(t.system);
  await loadReportingDemo(t.system);
});
afterAll(() => t.close());

describe('the reporting demo', () => {
  it('gives the province a lively last quarter and an approved 2020', async () => {
    const admin = await signIn(t.app, 'admin', 'Changai@2026');
    const q3 = CompletenessSchema.parse((await admin.get('/api/v1/reporting/completeness?period=2026-Q3')).json());
    expect(q3.form?.code).toBe('reform_quarterly');
    expect(q3.byOrg).toHaveLength(17);
    const { expected, submitted, approved, overdue, returned } = q3.totals;
    expect(expected).toBeGreaterThan(100);
    expect(approved).toBeGreaterThan(10);
    expect(submitted).toBeGreaterThan(approved);
    expect(overdue).toBeGreaterThan(5);
    expect(returned).toBeGreaterThan(3);
    const y2020 = CompletenessSchema.parse((await admin.get('/api/v1/reporting/completeness?period=2020')).json());
    expect(y2020.totals.approved / y2020.totals.expected).toBeGreaterThan(0.95);
    const queue = ApprovalQueueSchema.parse((await admin.get('/api/v1/reporting/approvals')).json());
    expect(queue.items.length).toBeGreaterThan(3);
    const sum = (await admin.get('/api/v1/reporting/sum?element=training_participants&period=2020&by=quarter')).json();
    expect(sum.value).toBeGreaterThan(10_000);
  });

  it('gives Wuhan county submissions to approve, a revision with changes, and its own returned report', async () => {
    const wuhan = await signIn(t.app, 'wuhan', 'Changai@2026');
    const queue = ApprovalQueueSchema.parse((await wuhan.get('/api/v1/reporting/approvals')).json());
    expect(queue.items.length).toBeGreaterThanOrEqual(4);
    expect(queue.items.some((i) => i.isRevision && i.changedCount === 2)).toBe(true);
    const inbox = ReportingInboxSchema.parse((await wuhan.get('/api/v1/reporting/inbox')).json());
    expect(inbox.counts.returned).toBe(1);
    expect(inbox.counts.due).toBe(1);
    expect(inbox.items[0]).toMatchObject({ state: 'returned', period: '2026-Q3' });
  });
});

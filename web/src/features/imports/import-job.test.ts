import type { ImportPreview, Job } from '@changai/contracts';
import { describe, expect, it } from 'vitest';
import { formatBytes, importJobView, isSettled, mappingProblems, mappingToSend } from './import-job';

const job = (overrides: Partial<Job>): Job => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'import.workers',
  status: 'running',
  progress: { processed: 0 },
  result: null,
  error: null,
  createdAt: new Date(),
  startedAt: null,
  finishedAt: null,
  ...overrides,
});

const result = { imported: 3, updated: 1, unchanged: 0, rejected: 2, report: 'r', fatal: null, fatalMessage: null };

describe('importJobView', () => {
  it('shows running counts, a missing count as zero', () => {
    const view = importJobView(job({ progress: { processed: 40, imported: 30, rejected: 2, phase: 'importing' } }));
    expect(view).toMatchObject({ stage: 'running', counts: { processed: 40, imported: 30, updated: 0, unchanged: 0, rejected: 2 } });
  });

  it('shows how much of the file is read, never 100% before the job is done', () => {
    expect(importJobView(job({ progress: { processed: 10, bytesRead: 250, bytesTotal: 1000 } })).percent).toBe(25);
    expect(importJobView(job({ progress: { processed: 10, bytesRead: 1000, bytesTotal: 1000 } })).percent).toBe(99);
    expect(importJobView(job({ progress: { processed: 10 } })).percent).toBeUndefined();
    expect(importJobView(job({ progress: { processed: 0, bytesRead: 0, bytesTotal: 0 } })).percent).toBeUndefined();
  });

  it('carries the import result once the job succeeded', () => {
    expect(importJobView(job({ status: 'succeeded', result })).result).toEqual(result);
  });

  it('treats a failed job, or a result that is not an import result, as a failure with the job’s error', () => {
    expect(importJobView(job({ status: 'failed', error: '文件已损坏' }))).toMatchObject({ stage: 'failed', error: '文件已损坏' });
    expect(importJobView(job({ status: 'succeeded', result: { whatever: 1 } })).stage).toBe('failed');
  });

  it('knows when to stop polling', () => {
    expect(isSettled(job({ status: 'queued' }))).toBe(false);
    expect(isSettled(job({ status: 'running' }))).toBe(false);
    expect(isSettled(job({ status: 'succeeded' }))).toBe(true);
    expect(isSettled(job({ status: 'failed' }))).toBe(true);
    expect(isSettled(undefined)).toBe(false);
  });
});

describe('mappingProblems', () => {
  const fields: ImportPreview['fields'] = [
    { field: 'name', required: true, label: '姓名' },
    { field: 'idNumber', required: true, label: '身份证号' },
    { field: 'employerName', required: false, label: '工作单位' },
    { field: 'employerCode', required: false, label: '单位代码' },
    { field: 'skillLevel', required: false, label: '职业技能等级' },
  ];

  it('accepts a mapping with the required fields and one employer column', () => {
    expect(mappingProblems(fields, { name: 0, idNumber: 1, employerCode: 2 })).toEqual([]);
  });

  it('names each unmapped required field and a missing employer column', () => {
    expect(mappingProblems(fields, { name: 0, skillLevel: 3, idNumber: undefined })).toEqual([
      { kind: 'required', field: 'idNumber', label: '身份证号' },
      { kind: 'employer' },
    ]);
  });

  it('sends only mapped fields', () => {
    expect(mappingToSend({ name: 0, idNumber: 1, phone: undefined })).toEqual({ name: 0, idNumber: 1 });
  });
});

describe('formatBytes', () => {
  it('rounds sizes for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
  });
});

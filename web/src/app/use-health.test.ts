import { describe, expect, it } from 'vitest';
import { HealthWithDemoSchema } from '../api/health.api';
import { formatScale } from './use-health';

const health = { status: 'ok', version: '0.1.0', database: 'pglite', migrations: { applied: 9, pending: 0, latest: 'x' } };

describe('demo data in the health answer', () => {
  it('reads a health answer with or without the demo field', () => {
    expect(HealthWithDemoSchema.parse(health).demo).toBeUndefined();
    expect(HealthWithDemoSchema.parse({ ...health, demo: null }).demo).toBeNull();
    expect(HealthWithDemoSchema.parse({ ...health, demo: { scale: 0.001 } }).demo).toEqual({ scale: 0.001 });
    expect(HealthWithDemoSchema.parse({ ...health, demo: { scale: 0.01, status: 'loading' } }).demo?.status).toBe('loading');
  });

  it('words the scale as a share of the province', () => {
    expect(formatScale(0.001, 'zh-CN')).toBe('0.1%');
    expect(formatScale(1, 'en-US')).toBe('100%');
    expect(formatScale(0.0125, 'en-US')).toBe('1.25%');
  });
});

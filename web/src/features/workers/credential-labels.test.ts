import type { Credential } from '@changai/contracts';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../app/locales/zh-CN';
import { credentialHeadline, credentialLevel, labelOf, timelineOrder } from './credential-labels';

/** Looks tables up in the Chinese messages, as i18next does with returnObjects. */
const t = ((key: string) => (zhCN as unknown as Record<string, unknown>)[key] ?? key) as unknown as TFunction;

const credential = (overrides: Partial<Credential>): Credential => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'skill_level',
  levelCode: 'senior',
  occupationCode: null,
  series: null,
  name: null,
  issuer: null,
  certificateNumber: null,
  issuedOn: '2020-10-01',
  equivalentTo: null,
  purposes: null,
  source: 'manual',
  status: 'valid',
  revokedReason: null,
  revokedOn: null,
  ...overrides,
});

describe('credential labels', () => {
  it('words each kind’s level from its own scale', () => {
    expect(credentialLevel(t, { kind: 'skill_level', levelCode: 'senior' })).toBe('高级工（三级）');
    expect(credentialLevel(t, { kind: 'title', levelCode: 'intermediate' })).toBe('中级');
    expect(credentialLevel(t, { kind: 'one_plus_x', levelCode: 'intermediate' })).toBe('中级');
    expect(credentialLevel(t, { kind: 'academic', levelCode: 'senior_worker_class' })).toBe('技工院校高级工班');
    expect(credentialLevel(t, { kind: 'honor', levelCode: null })).toBeUndefined();
  });

  it('heads honors and 1+X certificates by name, titles with their series', () => {
    expect(credentialHeadline(t, credential({ kind: 'honor', levelCode: null, name: '湖北省劳动模范' }))).toBe('湖北省劳动模范');
    expect(credentialHeadline(t, credential({ kind: 'one_plus_x', levelCode: 'advanced', name: '工业机器人操作与运维' }))).toBe(
      '工业机器人操作与运维 · 高级',
    );
    expect(credentialHeadline(t, credential({ kind: 'title', levelCode: 'deputy_senior', series: '工程系列' }))).toBe('副高级 · 工程系列');
    expect(credentialHeadline(t, credential({}))).toBe('高级工（三级）');
  });

  it('shows an unknown code as stored', () => {
    expect(labelOf(t, 'skillLevels', 'grandmaster')).toBe('grandmaster');
  });
});

describe('timelineOrder', () => {
  it('puts the newest first and, on one day, valid before revoked', () => {
    const a = credential({ id: 'a', issuedOn: '2018-01-01' });
    const b = credential({ id: 'b', issuedOn: '2022-05-01', status: 'revoked' });
    const c = credential({ id: 'c', issuedOn: '2022-05-01' });
    expect(timelineOrder([a, b, c]).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });
});

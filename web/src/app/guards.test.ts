import { describe, expect, it } from 'vitest';
import { safeNextPath } from './guards';
import { modulesFor } from './modules';

describe('safeNextPath', () => {
  it('keeps a same-site path with its query', () => {
    expect(safeNextPath('/orgs?org=1')).toBe('/orgs?org=1');
  });

  it('refuses other sites and nonsense, falling back to home', () => {
    for (const next of ['//evil.example/x', 'https://evil.example', 'javascript:alert(1)', '', null]) {
      expect(safeNextPath(next)).toBe('/');
    }
  });
});

describe('modulesFor', () => {
  it('gives a worker only the account page', () => {
    expect(modulesFor(['account:self']).map((m) => m.key)).toEqual(['account']);
  });

  it('lists the modules an actor may open, in menu order', () => {
    expect(modulesFor(['account:self', 'audit:read', 'org:read']).map((m) => m.key)).toEqual(['orgs', 'audit', 'account']);
  });
});

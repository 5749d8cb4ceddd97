import { describe, expect, it } from 'vitest';
import { safeNextPath } from './guards';
import { moduleLabelKey, modulesFor } from './modules';

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

  it('puts the worker registry after the network and makes it a worker’s home', () => {
    expect(modulesFor(['account:self', 'workers:read', 'network:read', 'org:read']).map((m) => m.key)).toEqual([
      'orgs',
      'network',
      'workers',
      'account',
    ]);
    expect(modulesFor(['account:self', 'workers:read'])[0]?.path).toBe('/workers');
  });

  it('calls the registry “my profile” for a worker and the registry for everyone else', () => {
    expect(moduleLabelKey('workers', 'worker')).toBe('nav.myProfile');
    expect(moduleLabelKey('workers', 'enterprise_hr')).toBe('nav.workers');
    expect(moduleLabelKey('orgs', 'worker')).toBe('nav.orgs');
  });
});

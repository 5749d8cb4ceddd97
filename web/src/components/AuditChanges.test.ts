import { describe, expect, it } from 'vitest';
import { changeRows } from './AuditChanges';

describe('changeRows', () => {
  it('lists every field of either side and marks the changed ones', () => {
    const rows = changeRows({ name: '江岸区', isActive: true }, { name: '江岸新区', isActive: true, kind: 'county' });
    expect(rows).toEqual([
      { key: 'name', field: 'name', before: '江岸区', after: '江岸新区', isChanged: true },
      { key: 'isActive', field: 'isActive', before: true, after: true, isChanged: false },
      { key: 'kind', field: 'kind', before: undefined, after: 'county', isChanged: true },
    ]);
  });

  it('treats a creation (nothing before) as all fields changed', () => {
    expect(changeRows(null, { username: 'li.ming' })).toEqual([
      { key: 'username', field: 'username', before: undefined, after: 'li.ming', isChanged: true },
    ]);
  });

  it('shows a scalar payload as one row and an empty event as none', () => {
    expect(changeRows(null, 'x')).toEqual([{ key: 'value', field: 'value', before: null, after: 'x', isChanged: true }]);
    expect(changeRows(null, null)).toEqual([]);
  });
});

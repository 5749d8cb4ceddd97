import { Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export type ChangeRow = { key: string; field: string; before: unknown; after: unknown; isChanged: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Field-by-field before/after of an audit event; a scalar payload shows as one row. */
export function changeRows(before: unknown, after: unknown): ChangeRow[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null && after === null) return [];
    return [{ key: 'value', field: 'value', before, after, isChanged: JSON.stringify(before) !== JSON.stringify(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => ({
    key,
    field: key,
    before: b[key],
    after: a[key],
    isChanged: JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }));
}

function lookup(t: TFunction, group: 'fields' | 'orgKinds' | 'roles' | 'network.roles', key: string): string | undefined {
  const table = t(group, { returnObjects: true }) as unknown as Record<string, string>;
  return typeof table === 'object' ? table[key] : undefined;
}

export function fieldLabel(t: TFunction, field: string): string {
  return lookup(t, 'fields', field) ?? field;
}

/** A stored value in words: yes/no, translated kinds and roles, dates, JSON for the rest. */
export function formatValue(t: TFunction, field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (value instanceof Date) return dayjs(value).format('YYYY-MM-DD HH:mm:ss');
  if (typeof value === 'string') {
    if (field === 'kind') return lookup(t, 'orgKinds', value) ?? value;
    if (field === 'role') return lookup(t, 'roles', value) ?? lookup(t, 'network.roles', value) ?? value;
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (isRecord(value) && typeof value.name === 'string') return value.name;
  return JSON.stringify(value);
}

/** Internal ids say nothing to a reader in a one-line summary; the full diff table still shows them. */
const SUMMARY_HIDDEN = new Set(['parentId', 'orgId', 'id']);

/** "名称：旧 → 新" lines for the fields an event changed. */
export function ChangeSummary({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = changeRows(before, after).filter((r) => r.isChanged && !SUMMARY_HIDDEN.has(r.field));
  if (!rows.length) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <div>
      {rows.map((r) => (
        <div key={r.key}>
          <Typography.Text type="secondary">
            {fieldLabel(t, r.field)}
            {t('common.colon')}
          </Typography.Text>
          {r.before !== undefined && r.before !== null ? (
            <>
              <Typography.Text delete type="secondary">
                {formatValue(t, r.field, r.before)}
              </Typography.Text>
              {' → '}
            </>
          ) : null}
          <Typography.Text>{formatValue(t, r.field, r.after)}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

/** A two-column before/after table, changed fields highlighted. */
export function AuditDiffTable({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = changeRows(before, after);
  if (!rows.length) return <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>;
  return (
    <Table<ChangeRow>
      size="small"
      pagination={false}
      bordered
      rowKey="key"
      dataSource={rows}
      style={{ maxWidth: 900 }}
      onRow={(r) => ({ style: r.isChanged && r.before !== undefined && r.after !== undefined ? { background: '#fffbe6' } : {} })}
      columns={[
        {
          key: 'field',
          title: t('audit.field'),
          width: 180,
          render: (_, r) => (
            <span>
              {fieldLabel(t, r.field)}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.field}
              </Typography.Text>
            </span>
          ),
        },
        { key: 'before', title: t('audit.before'), render: (_, r) => formatValue(t, r.field, r.before) },
        { key: 'after', title: t('audit.after'), render: (_, r) => formatValue(t, r.field, r.after) },
      ]}
    />
  );
}

import type { AuditEvent } from '@changai/contracts';
import { Alert, Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AuditDiffTable } from '../../components/AuditChanges';
import { PageHeader } from '../../components/PageHeader';
import { auditActionLabel, entityTypeLabel, knownAuditActions, knownEntityTypes } from './audit-labels';
import { useAuditEvents } from './use-audit';

const MODULE_PREFIXES = ['org.', 'user.', 'auth.', 'network.', 'contact.', 'personal_data.'] as const;

const ACTION_COLORS: Record<string, string> = {
  org: 'blue',
  user: 'purple',
  auth: 'default',
  network: 'cyan',
  contact: 'geekblue',
  personal_data: 'orange',
};

function Actor({ username }: { username: string | null }) {
  const { t } = useTranslation();
  if (!username) return <Typography.Text type="secondary">{t('audit.anonymous')}</Typography.Text>;
  if (username.startsWith('system:')) {
    return (
      <Typography.Text type="secondary">
        {t('audit.system')} ({username.slice('system:'.length)})
      </Typography.Text>
    );
  }
  return <span>{username}</span>;
}

/** 审计日志: who did what, newest first, with the before/after of each change. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const actor = params.get('actor') ?? undefined;
  const action = params.get('action') ?? undefined;
  const entityType = params.get('entityType') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const [actorText, setActorText] = useState(actor ?? '');
  const events = useAuditEvents({
    actor,
    action,
    entityType,
    from: from ? dayjs(from).startOf('day').toISOString() : undefined,
    // The end day counts whole: events before the next midnight.
    to: to ? dayjs(to).add(1, 'day').startOf('day').toISOString() : undefined,
  });
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];

  const setFilters = (changes: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const modules = t('audit.modules', { returnObjects: true }) as unknown as Record<string, string>;
  const actionOptions = [
    { label: t('audit.byModule'), options: MODULE_PREFIXES.map((p) => ({ value: p, label: modules[p] ?? p })) },
    {
      label: t('audit.byAction'),
      options: knownAuditActions(t).map(([value, label]) => ({ value, label: t('common.nameWithCode', { name: label, code: value }) })),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card styles={{ body: { paddingTop: 16 } }}>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('audit.actorSearch')}
            aria-label={t('audit.actor')}
            style={{ width: 220 }}
            value={actorText}
            onChange={(e) => setActorText(e.target.value)}
            onSearch={(value) => setFilters({ actor: value.trim() || undefined })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.action')}
            aria-label={t('audit.action')}
            style={{ width: 260 }}
            value={action}
            onChange={(value?: string) => setFilters({ action: value })}
            options={actionOptions}
          />
          <Select
            allowClear
            placeholder={t('audit.entityType')}
            aria-label={t('audit.entityType')}
            style={{ width: 160 }}
            value={entityType}
            onChange={(value?: string) => setFilters({ entityType: value })}
            options={knownEntityTypes(t).map(([value, label]) => ({ value, label }))}
          />
          <DatePicker.RangePicker
            aria-label={t('audit.range')}
            value={from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null}
            allowEmpty={[true, true]}
            onChange={(range) =>
              setFilters({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined })
            }
          />
          {actor || action || entityType || from || to ? (
            <Button
              type="link"
              onClick={() => {
                setActorText('');
                setParams({}, { replace: true });
              }}
            >
              {t('common.reset')}
            </Button>
          ) : null}
        </Flex>
        {events.error ? <Alert type="error" showIcon title={events.error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<AuditEvent>
          size="small"
          rowKey="id"
          loading={events.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 960 }}
          expandable={{
            expandedRowRender: (e) => (
              <div style={{ padding: '4px 0' }}>
                <AuditDiffTable before={e.before} after={e.after} />
                {e.requestId ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
                    {t('audit.requestId')}: {e.requestId}
                  </Typography.Text>
                ) : null}
              </div>
            ),
            rowExpandable: (e) => e.before !== null || e.after !== null,
          }}
          columns={[
            { key: 'at', title: t('audit.at'), width: 170, render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm:ss') },
            { key: 'actor', title: t('audit.actor'), width: 150, render: (_, e) => <Actor username={e.actorUsername} /> },
            {
              key: 'action',
              title: t('audit.action'),
              width: 230,
              render: (_, e) => (
                <Flex align="center" gap={6}>
                  <Tag color={ACTION_COLORS[e.action.split('.')[0] ?? ''] ?? 'default'}>{auditActionLabel(t, e.action)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.action}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'entity',
              title: t('audit.entity'),
              render: (_, e) => (
                <span>
                  {entityTypeLabel(t, e.entityType)}
                  {e.entityId ? (
                    <Tooltip title={e.entityId}>
                      <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                        {e.entityId.slice(0, 8)}
                      </Typography.Text>
                    </Tooltip>
                  ) : null}
                </span>
              ),
            },
            { key: 'ip', title: t('audit.ip'), width: 130, render: (_, e) => e.ip ?? t('common.none') },
          ]}
        />
        <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('common.shown', { count: rows.length })}</Typography.Text>
          {events.hasNextPage ? (
            <Button onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : rows.length ? (
            <Typography.Text type="secondary">· {t('common.noMore')}</Typography.Text>
          ) : null}
        </Flex>
      </Card>
    </>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { CARRIER_KIND_LEVELS, CARRIER_KINDS, CARRIER_LEVELS, CARRIER_STATUSES, type CarrierSummary } from '@changai/contracts';
import { Alert, Button, Card, Checkbox, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CarrierFilters } from '../../api/skills.api';
import { OrgPicker } from '../../components/OrgPicker';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/use-session';
import { ApplyCarrierModal } from './ApplyCarrierModal';
import { carrierFiltersFromParams, paramsWithCarrierFilters } from './carrier-filters';
import { CarrierLevelTag, CarrierStatusTag } from './skills-tags';
import { PAGE_SIZE, useCarriers } from './use-skills';

/** 技能形成载体: every base and studio in scope, filtered by kind, level, status and host. */
export function CarriersPage() {
  const { t } = useTranslation();
  const canPickOrg = useCan('org:read');
  const canApply = useCan('carriers:apply');
  const [isApplying, setApplying] = useState(false);
  const [params, setParams] = useSearchParams();
  const { filters, page } = useMemo(() => carrierFiltersFromParams(params), [params]);
  const list = useCarriers(filters, page);
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  const setFilters = (changes: CarrierFilters & { page?: number }) =>
    setParams((prev) => paramsWithCarrierFilters(prev, changes), { replace: true });
  const levels = filters.kind ? CARRIER_KIND_LEVELS[filters.kind] : CARRIER_LEVELS;
  const isFiltered = Object.values(filters).some((v) => v !== undefined);

  return (
    <>
      <PageHeader
        title={t('skills.carriers.title')}
        extra={
          canApply ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)}>
              {t('skills.apply.open')}
            </Button>
          ) : null
        }
      />
      <Card styles={{ body: { padding: 16 } }}>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            enterButton
            placeholder={t('skills.carriers.search')}
            aria-label={t('skills.carriers.search')}
            style={{ width: 300 }}
            value={text}
            maxLength={100}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => setFilters({ q: value.trim() || undefined })}
          />
          <Select
            allowClear
            placeholder={t('skills.carriers.kind')}
            aria-label={t('skills.carriers.kind')}
            style={{ width: 190 }}
            value={filters.kind}
            onChange={(kind) =>
              setFilters({
                kind,
                level: kind && filters.level && !CARRIER_KIND_LEVELS[kind].includes(filters.level) ? undefined : filters.level,
              })
            }
            options={CARRIER_KINDS.map((k) => ({ value: k, label: t(`skills.kinds.${k}`) }))}
          />
          <Select
            allowClear
            placeholder={t('skills.carriers.level')}
            aria-label={t('skills.carriers.level')}
            style={{ width: 110 }}
            value={filters.level}
            onChange={(level) => setFilters({ level })}
            options={levels.map((l) => ({ value: l, label: t(`skills.levels.${l}`) }))}
          />
          <Select
            allowClear
            placeholder={t('skills.carriers.status')}
            aria-label={t('skills.carriers.status')}
            style={{ width: 150 }}
            value={filters.status}
            onChange={(status) => setFilters({ status })}
            options={CARRIER_STATUSES.map((s) => ({ value: s, label: t(`skills.statuses.${s}`) }))}
          />
          {canPickOrg ? (
            <OrgPicker
              aria-label={t('skills.carriers.hostFilter')}
              placeholder={t('skills.carriers.hostFilter')}
              style={{ width: 240 }}
              value={filters.orgId}
              onChange={(orgId) => setFilters({ orgId })}
            />
          ) : null}
          <Checkbox checked={filters.overdue === 'true'} onChange={(e) => setFilters({ overdue: e.target.checked ? 'true' : undefined })}>
            {t('skills.carriers.overdueOnly')}
          </Checkbox>
          {isFiltered ? (
            <Button
              type="link"
              size="small"
              onClick={() =>
                setFilters({ q: undefined, kind: undefined, level: undefined, status: undefined, orgId: undefined, overdue: undefined })
              }
            >
              {t('skills.carriers.clearFilters')}
            </Button>
          ) : null}
        </Flex>
        {list.error ? <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<CarrierSummary>
          size="small"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('skills.carriers.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('skills.carriers.total', { count: total }),
            onChange: (next) => setFilters({ page: next }),
          }}
          columns={[
            {
              key: 'name',
              title: t('skills.carriers.name'),
              width: 280,
              render: (_, c) => <Link to={`/skills/carriers/${c.id}`}>{c.name}</Link>,
            },
            {
              key: 'kind',
              title: t('skills.carriers.kind'),
              width: 170,
              render: (_, c) => (c.studioType ? t(`skills.studioTypes.${c.studioType}`) : t(`skills.kinds.${c.kind}`)),
            },
            { key: 'level', title: t('skills.carriers.level'), width: 84, render: (_, c) => <CarrierLevelTag level={c.level} /> },
            { key: 'host', title: t('skills.carriers.host'), minWidth: 160, ellipsis: true, render: (_, c) => c.host.name },
            { key: 'leader', title: t('skills.carriers.leader'), width: 90, render: (_, c) => c.leaderName ?? '—' },
            {
              key: 'status',
              title: t('skills.carriers.status'),
              width: 170,
              render: (_, c) => (
                <Flex gap={4} wrap>
                  <CarrierStatusTag status={c.status} />
                  {c.reviewOverdueSince ? <Tag color="red">{t('skills.carriers.overdueSince', { date: c.reviewOverdueSince })}</Tag> : null}
                </Flex>
              ),
            },
            {
              key: 'document',
              title: t('skills.carriers.documentNumber'),
              width: 180,
              render: (_, c) => c.documentNumber ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
            { key: 'recognisedOn', title: t('skills.carriers.recognisedOn'), width: 100, render: (_, c) => c.recognisedOn ?? c.appliedOn },
            { key: 'nextReviewDue', title: t('skills.carriers.nextReviewDue'), width: 100, render: (_, c) => c.nextReviewDue ?? '—' },
          ]}
        />
      </Card>
      {isApplying ? <ApplyCarrierModal onClose={() => setApplying(false)} /> : null}
    </>
  );
}

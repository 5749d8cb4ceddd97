import { PlusOutlined } from '@ant-design/icons';
import { POLICY_STATUSES, type PolicySummary, REFORM_AREAS, type ReformArea } from '@changai/contracts';
import { Alert, Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/use-session';
import { PolicyDrawer } from './PolicyDrawer';
import { PolicyFormModal } from './PolicyFormModal';
import { AreaTag, PolicyStatusTag } from './reform-tags';
import { usePolicies } from './use-reform';

const PAGE_SIZE = 20;
const oneOf = <T extends string>(values: readonly T[], v: string | null) =>
  (values as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

/** 政策文件: the reform's supporting policies, searchable by any fragment of their Chinese text. */
export function PoliciesPage() {
  const { t } = useTranslation();
  const canManage = useCan('policies:manage');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const year = Number(params.get('year')) || undefined;
  const category = oneOf(REFORM_AREAS, params.get('category'));
  const status = oneOf(POLICY_STATUSES, params.get('status'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const policies = usePolicies({ q: q || undefined, year, category, status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const setParam = (key: string, value: string | undefined, replace = true) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page' && key !== 'policy') next.delete('page');
        return next;
      },
      { replace },
    );

  return (
    <>
      <PageHeader
        title={t('reform.policies.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('reform.policies.add')}
            </Button>
          ) : null
        }
      />
      {policies.error ? <Alert type="error" showIcon title={policies.error.message} style={{ marginBottom: 16 }} /> : null}
      <Card styles={{ body: { paddingTop: 12 } }}>
        <Flex wrap gap={12} style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            style={{ width: 360 }}
            placeholder={t('reform.policies.searchPlaceholder')}
            aria-label={t('reform.policies.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => setParam('q', v.trim() || undefined)}
          />
          <Select<number | undefined>
            style={{ width: 150 }}
            aria-label={t('reform.policies.issuedOn')}
            value={year}
            allowClear
            placeholder={t('reform.policies.allYears')}
            onChange={(v) => setParam('year', v ? String(v) : undefined)}
            options={(policies.data?.years ?? []).map((y) => ({
              value: y.year,
              label: t('reform.policies.yearOption', { year: y.year, count: y.count }),
            }))}
          />
          <Select<ReformArea | undefined>
            style={{ width: 160 }}
            aria-label={t('reform.policies.category')}
            value={category}
            allowClear
            placeholder={t('reform.policies.allCategories')}
            onChange={(v) => setParam('category', v)}
            options={REFORM_AREAS.map((a) => ({ value: a, label: t(`reform.areas.${a}`) }))}
          />
          <Select
            style={{ width: 130 }}
            aria-label={t('reform.policies.status')}
            value={status}
            allowClear
            placeholder={t('reform.policies.allStatuses')}
            onChange={(v) => setParam('status', v)}
            options={POLICY_STATUSES.map((s) => ({ value: s, label: t(`reform.policyStatuses.${s}`) }))}
          />
        </Flex>
        <Table<PolicySummary>
          rowKey="id"
          size="middle"
          loading={policies.isFetching}
          dataSource={policies.data?.items ?? []}
          locale={{ emptyText: t('reform.policies.empty') }}
          onRow={(p) => ({ onClick: () => setParam('policy', p.id, false), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: policies.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('reform.policies.total', { count: total }),
            onChange: (p) => setParam('page', p > 1 ? String(p) : undefined, false),
          }}
          scroll={{ x: 1000 }}
          columns={[
            {
              key: 'title',
              title: t('reform.policies.titleLabel'),
              render: (_, p) => (
                <Flex vertical>
                  <Typography.Link>{p.title}</Typography.Link>
                  {p.snippet ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      …{p.snippet}…
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            { key: 'docNumber', title: t('reform.policies.docNumber'), width: 190, render: (_, p) => p.docNumber ?? '—' },
            { key: 'issuers', title: t('reform.policies.issuers'), width: 220, ellipsis: true, dataIndex: 'issuers' },
            { key: 'issuedOn', title: t('reform.policies.issuedOn'), width: 110, dataIndex: 'issuedOn' },
            { key: 'category', title: t('reform.policies.category'), width: 130, render: (_, p) => <AreaTag area={p.category} /> },
            { key: 'status', title: t('reform.policies.status'), width: 100, render: (_, p) => <PolicyStatusTag status={p.status} /> },
          ]}
        />
      </Card>
      <PolicyDrawer
        policyId={params.get('policy') ?? undefined}
        onClose={() => setParam('policy', undefined)}
        onEdit={canManage ? (id) => setEditing(id) : undefined}
      />
      {editing ? <PolicyFormModal policyId={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

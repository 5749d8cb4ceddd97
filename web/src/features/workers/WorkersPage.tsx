import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  INDUSTRY_CATEGORIES,
  SKILL_LEVELS,
  TITLE_LEVELS,
  WORKER_SORTS,
  WORKER_STATUSES,
  type WorkerListQuery,
  type WorkerSummary,
} from '@changai/contracts';
import { Alert, Button, Card, Checkbox, Empty, Flex, Input, Result, Select, Table, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { workersExportUrl } from '../../api/workers.api';
import { FullPageSpinner } from '../../app/guards';
import { readsOnlySelf } from '../../app/modules';
import { OrgPicker } from '../../components/OrgPicker';
import { PageHeader } from '../../components/PageHeader';
import { useActor, useCan } from '../auth/use-session';
import { labelOf } from './credential-labels';
import { useWorkerList } from './use-workers';
import { WorkerFormModal } from './WorkerFormModal';
import { clearedFilters, filtersFromParams, isFiltered, paramsWithFilters } from './worker-filters';
import { HighSkilledTag, NoValue, SkillLevelTag, TitleTag, WorkerStatusTag } from './worker-tags';

function WorkerTable({ rows, loading, emptyText }: { rows: WorkerSummary[]; loading: boolean; emptyText: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <Table<WorkerSummary>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1100 }}
      locale={{ emptyText }}
      columns={[
        {
          key: 'name',
          title: t('workers.name'),
          width: 88,
          fixed: 'left',
          render: (_, w) => (
            <Link to={`/workers/${w.id}`} state={{ listSearch: location.search }}>
              {w.name}
            </Link>
          ),
        },
        { key: 'gender', title: t('workers.gender'), width: 64, render: (_, w) => labelOf(t, 'genders', w.gender) },
        { key: 'birthDate', title: t('workers.birthDate'), dataIndex: 'birthDate', width: 100 },
        {
          key: 'idNumber',
          title: t('workers.idNumber'),
          width: 164,
          render: (_, w) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{w.idNumber}</span>,
        },
        { key: 'employer', title: t('workers.employer'), minWidth: 150, ellipsis: true, render: (_, w) => w.org.name },
        {
          key: 'skill',
          title: t('workers.highestSkill'),
          // English level names are longer; the level and its 高技能 tag stay on one line.
          width: i18n.language === 'en-US' ? 244 : 200,
          // 高技能人才 follows from the level, so its tag sits beside it.
          render: (_, w) =>
            w.highestSkillLevel ? (
              <Flex gap={4} wrap>
                <SkillLevelTag level={w.highestSkillLevel} />
                {w.isHighSkilled ? <HighSkilledTag short /> : null}
              </Flex>
            ) : (
              <NoValue />
            ),
        },
        { key: 'skillOn', title: t('profile.issuedOn'), width: 100, render: (_, w) => w.highestSkillOn ?? <NoValue /> },
        {
          key: 'title',
          title: t('workers.titleLevel'),
          width: 84,
          render: (_, w) => (w.highestTitle ? <TitleTag level={w.highestTitle} /> : <NoValue />),
        },
        {
          key: 'frontline',
          title: t('workers.frontline'),
          width: 76,
          align: 'center',
          render: (_, w) => (w.isFrontline ? t('common.yes') : <NoValue />),
        },
        { key: 'status', title: t('workers.status'), width: 80, render: (_, w) => <WorkerStatusTag status={w.status} /> },
      ]}
    />
  );
}

/** The registry for everyone who may read more than their own profile. */
function WorkerRegistry() {
  const { t } = useTranslation();
  const canManage = useCan('workers:manage');
  const canImport = useCan('workers:import');
  const canExport = useCan('workers:export');
  const canPickOrg = useCan('org:read');
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const list = useWorkerList(filters);
  const [text, setText] = useState(filters.q ?? '');
  const [isCreating, setCreating] = useState(false);
  const navigate = useNavigate();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  // The box follows the address (back, forward, "clear").
  useEffect(() => setText(filters.q ?? ''), [filters.q]);

  const setFilters = (changes: Partial<WorkerListQuery>) => setParams((prev) => paramsWithFilters(prev, changes), { replace: true });
  const filtered = isFiltered(filters);

  const emptyText = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <Flex vertical gap={4}>
          <Typography.Text>{filtered ? t('workers.noMatch') : t('workers.empty')}</Typography.Text>
          <Typography.Text type="secondary">{t('workers.searchHint')}</Typography.Text>
          {!filtered && canManage ? <Typography.Text type="secondary">{t('workers.emptyHint')}</Typography.Text> : null}
        </Flex>
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('workers.title')}
        extra={
          <>
            {canExport ? (
              <Tooltip title={t('workers.exportHint')}>
                <Button icon={<DownloadOutlined />} href={workersExportUrl(filters)} download>
                  {t('workers.export')}
                </Button>
              </Tooltip>
            ) : null}
            {canImport ? (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/workers/import')}>
                {t('workers.import')}
              </Button>
            ) : null}
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('workers.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card styles={{ body: { padding: 16 } }}>
        <Flex vertical gap={10} style={{ marginBottom: 12 }}>
          <Flex gap={8} wrap align="center">
            <Input.Search
              allowClear
              enterButton
              placeholder={t('workers.searchPlaceholder')}
              aria-label={t('workers.searchPlaceholder')}
              style={{ width: 380 }}
              value={text}
              maxLength={50}
              onChange={(e) => setText(e.target.value)}
              onSearch={(value) => setFilters({ q: value.trim() || undefined })}
            />
            {canPickOrg ? (
              <OrgPicker
                aria-label={t('workers.employer')}
                placeholder={t('workers.employer')}
                style={{ width: 260 }}
                value={filters.orgId}
                onChange={(value) => setFilters({ orgId: value })}
              />
            ) : null}
            <Select
              placeholder={t('workers.sort')}
              aria-label={t('workers.sort')}
              style={{ width: 140 }}
              value={filters.sort ?? 'name'}
              onChange={(value) => setFilters({ sort: value })}
              options={WORKER_SORTS.map((s) => ({ value: s, label: t(`workers.sorts.${s}`) }))}
            />
          </Flex>
          <Flex gap={8} wrap align="center">
            <Select
              allowClear
              placeholder={t('workers.skillLevel')}
              aria-label={t('workers.skillLevel')}
              style={{ width: 170 }}
              value={filters.skillLevel}
              onChange={(value) => setFilters({ skillLevel: value })}
              options={SKILL_LEVELS.map((l) => ({ value: l, label: labelOf(t, 'skillLevels', l) }))}
            />
            <Select
              allowClear
              placeholder={t('workers.titleLevel')}
              aria-label={t('workers.titleLevel')}
              style={{ width: 120 }}
              value={filters.titleLevel}
              onChange={(value) => setFilters({ titleLevel: value })}
              options={TITLE_LEVELS.map((l) => ({ value: l, label: labelOf(t, 'titleLevels', l) }))}
            />
            <Select
              allowClear
              placeholder={t('workers.industryCategory')}
              aria-label={t('workers.industryCategory')}
              style={{ width: 170 }}
              value={filters.industryCategory}
              onChange={(value) => setFilters({ industryCategory: value })}
              options={INDUSTRY_CATEGORIES.map((c) => ({ value: c, label: labelOf(t, 'industryCategories', c) }))}
            />
            <Select
              allowClear
              placeholder={t('workers.status')}
              aria-label={t('workers.status')}
              style={{ width: 110 }}
              value={filters.status}
              onChange={(value) => setFilters({ status: value })}
              options={WORKER_STATUSES.map((s) => ({ value: s, label: labelOf(t, 'workerStatuses', s) }))}
            />
            <Checkbox checked={filters.frontline ?? false} onChange={(e) => setFilters({ frontline: e.target.checked || undefined })}>
              {t('workers.frontlineOnly')}
            </Checkbox>
            <Checkbox checked={filters.highSkilled ?? false} onChange={(e) => setFilters({ highSkilled: e.target.checked || undefined })}>
              {t('workers.highSkilledOnly')}
            </Checkbox>
            {filtered ? (
              <Button type="link" size="small" onClick={() => setFilters({ ...clearedFilters(), q: undefined })}>
                {t('workers.clearFilters')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
        {list.error ? <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} /> : null}
        <WorkerTable rows={rows} loading={list.isPending} emptyText={emptyText} />
        <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('common.shown', { count: rows.length })}</Typography.Text>
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : rows.length ? (
            <Typography.Text type="secondary">· {t('common.noMore')}</Typography.Text>
          ) : null}
        </Flex>
      </Card>
      {isCreating ? <WorkerFormModal onClose={() => setCreating(false)} defaultOrgId={filters.orgId} /> : null}
    </>
  );
}

/** A worker sees only their own record: open it, or say that it does not exist yet. */
function MyProfile() {
  const { t } = useTranslation();
  const list = useWorkerList({});
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) return <FullPageSpinner />;
  if (rows.length === 1 && rows[0]) return <Navigate to={`/workers/${rows[0].id}`} replace />;
  return (
    <>
      <PageHeader title={t('workers.myTitle')} />
      {list.error ? <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} /> : null}
      <Card>
        {rows.length ? (
          <WorkerTable rows={rows} loading={false} emptyText={null} />
        ) : (
          <Result status="info" title={t('workers.noProfile')} subTitle={t('workers.noProfileHint')} />
        )}
      </Card>
    </>
  );
}

/** 职工与证书 (or 我的档案 for a worker). */
export function WorkersPage() {
  const actor = useActor();
  return readsOnlySelf(actor.role) ? <MyProfile /> : <WorkerRegistry />;
}

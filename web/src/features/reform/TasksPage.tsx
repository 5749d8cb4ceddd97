import { PlusOutlined } from '@ant-design/icons';
import { type InboxItem, REFORM_AREAS, type ReformArea, TASK_STATUSES, type TaskSummary } from '@changai/contracts';
import { Alert, Badge, Button, Card, Checkbox, Empty, Flex, Input, Progress, Select, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/use-session';
import { AreaTag, InboxKindTag, TaskStatusTag } from './reform-tags';
import { TaskFormModal } from './TaskFormModal';
import { useInbox, useTasks } from './use-reform';

const PAGE_SIZE = 20;
const oneOf = <T extends string>(values: readonly T[], v: string | null) =>
  (values as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

/** 改革任务: the unit's inbox (what is due, overdue, returned or waiting for review) and the task ledger. */
export function TasksPage() {
  const { t } = useTranslation();
  const canManage = useCan('tasks:manage');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'ledger' ? 'ledger' : 'inbox';
  const [isCreating, setCreating] = useState(false);
  const inbox = useInbox();
  const waiting = inbox.data ? inbox.data.items.length : 0;
  return (
    <>
      <PageHeader
        title={t('reform.tasks.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('reform.tasks.add')}
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'ledger' ? { tab: 'ledger' } : {}, { replace: true })}
        items={[
          {
            key: 'inbox',
            label: (
              <Badge count={waiting} offset={[10, -2]} size="small">
                {t('reform.tasks.inbox')}
              </Badge>
            ),
            children: <InboxList items={inbox.data?.items} loading={inbox.isPending} error={inbox.error?.message} />,
          },
          { key: 'ledger', label: t('reform.tasks.ledger'), children: <Ledger /> },
        ]}
      />
      {isCreating ? <TaskFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function InboxList({ items, loading, error }: { items?: InboxItem[]; loading: boolean; error?: string }) {
  const { t } = useTranslation();
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Card>
      <Table<InboxItem>
        rowKey={(i) => `${i.kind}:${i.task.id}:${i.period}`}
        size="middle"
        loading={loading}
        dataSource={items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('reform.tasks.inboxEmpty')} /> }}
        columns={[
          { key: 'kind', title: t('common.status'), width: 120, render: (_, i) => <InboxKindTag kind={i.kind} /> },
          { key: 'task', title: t('reform.tasks.titleLabel'), render: (_, i) => <Link to={`/tasks/${i.task.id}`}>{i.task.title}</Link> },
          { key: 'org', title: t('reform.tasks.org'), width: 220, render: (_, i) => i.task.org.name },
          { key: 'period', title: t('reform.tasks.period'), width: 100, dataIndex: 'period' },
          { key: 'due', title: t('reform.tasks.dueOn'), width: 120, dataIndex: 'dueOn' },
          {
            key: 'reason',
            title: t('reform.tasks.returnReason'),
            width: 220,
            render: (_, i) => (i.returnReason ? <Typography.Text type="danger">{i.returnReason}</Typography.Text> : null),
          },
          {
            key: 'open',
            title: t('common.actions'),
            width: 90,
            render: (_, i) => <Link to={`/tasks/${i.task.id}?period=${i.period}`}>{t('reform.tasks.openTask')}</Link>,
          },
        ]}
      />
    </Card>
  );
}

function Ledger() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const area = oneOf(REFORM_AREAS, params.get('area'));
  const status = oneOf(TASK_STATUSES, params.get('status'));
  const overdue = params.get('overdue') === 'true';
  const topLevel = params.get('topLevel') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const tasks = useTasks({
    q: q || undefined,
    area,
    status,
    overdue: overdue || undefined,
    topLevel: topLevel || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );
  return (
    <Card styles={{ body: { paddingTop: 12 } }}>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('reform.tasks.searchPlaceholder')}
          aria-label={t('reform.tasks.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => setParam('q', v.trim() || undefined)}
        />
        <Select<ReformArea | undefined>
          style={{ width: 160 }}
          allowClear
          aria-label={t('reform.tasks.area')}
          placeholder={t('reform.tasks.allAreas')}
          value={area}
          onChange={(v) => setParam('area', v)}
          options={REFORM_AREAS.map((a) => ({ value: a, label: t(`reform.areas.${a}`) }))}
        />
        <Select
          style={{ width: 130 }}
          allowClear
          aria-label={t('reform.tasks.status')}
          placeholder={t('reform.tasks.allStatuses')}
          value={status}
          onChange={(v) => setParam('status', v)}
          options={TASK_STATUSES.map((s) => ({ value: s, label: t(`reform.taskStatuses.${s}`) }))}
        />
        <Checkbox checked={overdue} onChange={(e) => setParam('overdue', e.target.checked ? 'true' : undefined)}>
          {t('reform.tasks.onlyOverdue')}
        </Checkbox>
        <Checkbox checked={topLevel} onChange={(e) => setParam('topLevel', e.target.checked ? 'true' : undefined)}>
          {t('reform.tasks.onlyTopLevel')}
        </Checkbox>
      </Flex>
      {tasks.error ? <Alert type="error" showIcon title={tasks.error.message} style={{ marginBottom: 12 }} /> : null}
      <TaskTable
        tasks={tasks.data?.items ?? []}
        loading={tasks.isFetching}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: tasks.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total: number) => t('reform.tasks.total', { count: total }),
          onChange: (p: number) => setParam('page', p > 1 ? String(p) : undefined),
        }}
      />
    </Card>
  );
}

export function TaskTable({ tasks, loading, pagination }: { tasks: TaskSummary[]; loading?: boolean; pagination?: object | false }) {
  const { t } = useTranslation();
  return (
    <Table<TaskSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={tasks}
      pagination={pagination ?? false}
      scroll={{ x: 1100 }}
      columns={[
        {
          key: 'title',
          title: t('reform.tasks.titleLabel'),
          render: (_, task) => (
            <Flex vertical>
              <Link to={`/tasks/${task.id}`}>{task.title}</Link>
              {task.copyCount > 0 ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('reform.tasks.copies')}：{t('reform.tasks.copyCount', { count: task.copyCount })}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        },
        { key: 'area', title: t('reform.tasks.area'), width: 130, render: (_, task) => <AreaTag area={task.area} /> },
        { key: 'org', title: t('reform.tasks.org'), width: 200, render: (_, task) => task.org.name },
        { key: 'issuer', title: t('reform.tasks.issuerOrg'), width: 160, render: (_, task) => task.issuerOrg.name },
        { key: 'due', title: t('reform.tasks.dueOn'), width: 110, dataIndex: 'dueOn' },
        {
          key: 'progress',
          title: t('reform.tasks.progress'),
          width: 150,
          render: (_, task) => <Progress percent={task.progress} size="small" />,
        },
        {
          key: 'status',
          title: t('reform.tasks.status'),
          width: 100,
          render: (_, task) => <TaskStatusTag status={task.status} isOverdue={task.isOverdue} />,
        },
      ]}
    />
  );
}

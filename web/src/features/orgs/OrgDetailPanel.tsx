import {
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  HistoryOutlined,
  InfoCircleOutlined,
  PlusOutlined,
  PoweroffOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import type { Org, OrgDetail } from '@changai/contracts';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Empty, Flex, Skeleton, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiErrorHandler } from '../../app/use-api-error';
import { ActiveTag, OrgKindTag } from '../../components/tags';
import { useActor, useCan } from '../auth/use-session';
import { MoveOrgModal } from './MoveOrgModal';
import { OrgFormModal, type OrgFormTarget } from './OrgFormModal';
import { OrgHistory } from './OrgHistory';
import { useDeleteOrg, useOrg, useSetOrgActive } from './use-orgs';

type Props = {
  orgId: string | undefined;
  onSelect: (orgId: string | undefined) => void;
  onCreated: (org: Org, parentId: string) => void;
  onMoved: (orgId: string) => void;
};

function OrgActions({ org, onSelect, onCreated, onMoved }: { org: OrgDetail } & Omit<Props, 'orgId'>) {
  const { t } = useTranslation();
  const actor = useActor();
  const { modal, message } = App.useApp();
  const [form, setForm] = useState<OrgFormTarget | null>(null);
  const [isMoving, setMoving] = useState(false);
  const setActive = useSetOrgActive();
  const remove = useDeleteOrg();
  const onError = useApiErrorHandler();
  // The province root and the actor's own org stay put (the server refuses too).
  const isFixed = org.depth === 0 || org.id === actor.orgId;

  const toggleActive = () =>
    modal.confirm({
      title: org.isActive ? t('orgs.deactivate') : t('orgs.reactivate'),
      content: t(org.isActive ? 'orgs.deactivateConfirm' : 'orgs.reactivateConfirm', { name: org.name }),
      okButtonProps: { danger: org.isActive },
      onOk: () =>
        setActive
          .mutateAsync({ orgId: org.id, isActive: !org.isActive })
          .then(() => void message.success(t(org.isActive ? 'orgs.deactivated' : 'orgs.reactivated')))
          .catch(onError),
    });

  const confirmDelete = () =>
    modal.confirm({
      title: t('orgs.delete'),
      content: t('orgs.deleteConfirm', { name: org.name }),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      onOk: () =>
        remove
          .mutateAsync(org.id)
          .then(() => {
            void message.success(t('orgs.deleted'));
            onSelect(org.parentId ?? undefined);
          })
          .catch(onError),
    });

  return (
    <>
      <Space wrap size={8}>
        <Button type="primary" icon={<PlusOutlined />} disabled={!org.isActive} onClick={() => setForm({ mode: 'create', parent: org })}>
          {t('orgs.addChild')}
        </Button>
        <Button icon={<EditOutlined />} onClick={() => setForm({ mode: 'edit', org })}>
          {t('orgs.edit')}
        </Button>
        <Button icon={<DragOutlined />} disabled={isFixed} onClick={() => setMoving(true)}>
          {t('orgs.move')}
        </Button>
        <Button icon={org.isActive ? <PoweroffOutlined /> : <ReloadOutlined />} disabled={isFixed} onClick={toggleActive}>
          {org.isActive ? t('orgs.deactivate') : t('orgs.reactivate')}
        </Button>
        <Button danger icon={<DeleteOutlined />} disabled={isFixed} onClick={confirmDelete}>
          {t('orgs.delete')}
        </Button>
      </Space>
      {form ? <OrgFormModal target={form} onClose={() => setForm(null)} onCreated={(created) => onCreated(created, org.id)} /> : null}
      {isMoving ? <MoveOrgModal org={org} onClose={() => setMoving(false)} onMoved={() => onMoved(org.id)} /> : null}
    </>
  );
}

/** The selected org: its facts, the actions the actor may take, and its change history. */
export function OrgDetailPanel({ orgId, onSelect, onCreated, onMoved }: Props) {
  const { t } = useTranslation();
  const canManage = useCan('org:manage');
  const detail = useOrg(orgId);
  const [tab, setTab] = useState('info');
  const [params] = useSearchParams();
  const orgLink = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('org', id);
    return `?${next}`;
  };

  if (!orgId) {
    return (
      <Card style={{ height: '100%' }}>
        <Empty description={t('orgs.selectHint')} style={{ padding: '80px 0' }} />
      </Card>
    );
  }
  if (detail.error) return <Alert type="error" showIcon title={detail.error.message} />;
  const org = detail.data;
  if (!org) return <Card loading />;

  const path = org.ancestors.length ? (
    <Breadcrumb
      items={org.ancestors.map((a) => ({
        key: a.id,
        title: (
          <Link to={orgLink(a.id)} replace>
            {a.name}
          </Link>
        ),
      }))}
    />
  ) : (
    <Typography.Text type="secondary">{t('orgs.topLevel')}</Typography.Text>
  );

  return (
    <Card
      title={
        <Flex align="center" gap={8} wrap>
          <span>{org.name}</span>
          <OrgKindTag kind={org.kind} />
          <ActiveTag isActive={org.isActive} />
        </Flex>
      }
      styles={{ body: { paddingTop: 4 } }}
    >
      {canManage ? (
        <div style={{ margin: '12px 0 4px' }}>
          <OrgActions org={org} onSelect={onSelect} onCreated={onCreated} onMoved={onMoved} />
        </div>
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'info',
            label: t('orgs.infoTab'),
            icon: <InfoCircleOutlined />,
            children:
              detail.isFetching && !detail.isFetched ? (
                <Skeleton active />
              ) : (
                <Descriptions
                  bordered
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  styles={{ label: { width: 120 } }}
                  items={[
                    { key: 'name', label: t('orgs.name'), children: org.name },
                    { key: 'code', label: t('orgs.code'), children: <Typography.Text copyable>{org.code}</Typography.Text> },
                    { key: 'kind', label: t('orgs.kind'), children: <OrgKindTag kind={org.kind} /> },
                    { key: 'status', label: t('common.status'), children: <ActiveTag isActive={org.isActive} /> },
                    { key: 'path', label: t('orgs.path'), children: path, span: 2 },
                    { key: 'users', label: t('orgs.userCount'), children: org.userCount },
                    { key: 'children', label: t('orgs.childCount'), children: org.childCount },
                    { key: 'created', label: t('common.createdAt'), children: dayjs(org.createdAt).format('YYYY-MM-DD HH:mm') },
                    { key: 'updated', label: t('common.updatedAt'), children: dayjs(org.updatedAt).format('YYYY-MM-DD HH:mm') },
                  ]}
                />
              ),
          },
          { key: 'history', label: t('orgs.historyTab'), icon: <HistoryOutlined />, children: <OrgHistory orgId={org.id} /> },
        ]}
      />
    </Card>
  );
}

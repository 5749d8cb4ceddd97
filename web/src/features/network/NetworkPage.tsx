import { PlusOutlined } from '@ant-design/icons';
import { NETWORK_ROLES, type NetworkRole, type NetworkUnit } from '@changai/contracts';
import { Alert, Button, Card, Col, DatePicker, Flex, Input, Row, Segmented, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { MaskedPhone } from '../../components/MaskedPhone';
import { PageHeader } from '../../components/PageHeader';
import { NetworkRoleTag, OrgKindTag } from '../../components/tags';
import { useCan } from '../auth/use-session';
import { AssignRoleModal } from './AssignRoleModal';
import { EndRoleModal, type EndTarget } from './EndRoleModal';
import { UnitDrawer } from './UnitDrawer';
import { useNetwork } from './use-network';

const ROLE_ACCENT: Record<NetworkRole, string> = { office: '#b91c1c', member: '#1d4f91', liaison: '#237804' };
const isRole = (v: string | null): v is NetworkRole => (NETWORK_ROLES as readonly string[]).includes(v ?? '');
const primaryContact = (u: NetworkUnit) => u.contacts.find((c) => c.isPrimary) ?? u.contacts[0];
/** The office first, then members, then liaison units; by code within a role (the province's customary order). */
const byRoleThenCode = (a: NetworkUnit, b: NetworkUnit) =>
  NETWORK_ROLES.indexOf(a.role) - NETWORK_ROLES.indexOf(b.role) || a.org.code.localeCompare(b.org.code);

/** 改革工作网络: who holds which role on a date, their liaison contacts, and the roles' history. */
export function NetworkPage() {
  const { t } = useTranslation();
  const canManage = useCan('network:manage');
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const roleParam = params.get('role');
  const role = isRole(roleParam) ? roleParam : undefined;
  const unitId = params.get('unit') ?? undefined;
  const network = useNetwork(asOf);
  const [search, setSearch] = useState('');
  const [isAssigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<EndTarget | null>(null);

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key !== 'unit' },
    );

  const unitLink = (orgId: string) => {
    const next = new URLSearchParams(params);
    next.set('unit', orgId);
    return `?${next}`;
  };

  const counts = network.data?.counts;
  const units = (network.data?.units ?? [])
    .filter((u) => (!role || u.role === role) && (!search.trim() || u.org.name.includes(search.trim())))
    .sort(byRoleThenCode);
  const total = counts ? counts.office + counts.member + counts.liaison : 0;

  return (
    <>
      <PageHeader
        title={t('network.title')}
        extra={
          <>
            <Flex align="center" gap={8}>
              <Typography.Text type="secondary">{t('network.asOf')}</Typography.Text>
              <DatePicker
                aria-label={t('network.asOf')}
                allowClear
                value={asOf ? dayjs(asOf) : null}
                placeholder={network.data?.asOf}
                onChange={(d) => setParam('asOf', d ? d.format('YYYY-MM-DD') : undefined)}
              />
            </Flex>
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)}>
                {t('network.assign')}
              </Button>
            ) : null}
          </>
        }
      />
      {network.error ? <Alert type="error" showIcon title={network.error.message} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {NETWORK_ROLES.map((r) => (
          <Col xs={24} md={8} key={r}>
            <Card
              role="group"
              aria-label={t(`network.roles.${r}`)}
              hoverable
              onClick={() => setParam('role', role === r ? undefined : r)}
              style={{ borderTop: `3px solid ${ROLE_ACCENT[r]}`, ...(role === r ? { boxShadow: `0 0 0 1px ${ROLE_ACCENT[r]}` } : {}) }}
              styles={{ body: { padding: '16px 20px' } }}
            >
              <Statistic
                title={t(`network.roles.${r}`)}
                value={counts?.[r] ?? '—'}
                suffix={t('network.unitsSuffix')}
                loading={network.isPending}
                styles={{ content: { color: ROLE_ACCENT[r], fontWeight: 600 } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card styles={{ body: { paddingTop: 12 } }}>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
          <Segmented<string>
            value={role ?? 'all'}
            onChange={(v) => setParam('role', v === 'all' ? undefined : v)}
            options={[
              { value: 'all', label: `${t('network.allRoles')} ${total}` },
              ...NETWORK_ROLES.map((r) => ({ value: r, label: `${t(`network.roles.${r}`)} ${counts?.[r] ?? ''}` })),
            ]}
          />
          <Input.Search
            allowClear
            placeholder={t('network.searchPlaceholder')}
            aria-label={t('network.searchPlaceholder')}
            style={{ width: 240 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </Flex>
        <Table<NetworkUnit>
          size="middle"
          rowKey="assignmentId"
          loading={network.isPending}
          dataSource={units}
          locale={{ emptyText: t('network.empty') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 1120 }}
          columns={[
            {
              key: 'unit',
              title: t('network.unit'),
              minWidth: 220,
              render: (_, u) => <Link to={unitLink(u.org.id)}>{u.org.name}</Link>,
            },
            { key: 'kind', title: t('network.kind'), width: 100, render: (_, u) => <OrgKindTag kind={u.org.kind} /> },
            { key: 'role', title: t('network.role'), width: 140, render: (_, u) => <NetworkRoleTag role={u.role} /> },
            { key: 'from', title: t('network.effectiveFrom'), width: 110, dataIndex: 'effectiveFrom' },
            {
              key: 'to',
              title: t('network.effectiveTo'),
              width: 100,
              render: (_, u) => u.effectiveTo ?? <Typography.Text type="secondary">{t('network.openEnded')}</Typography.Text>,
            },
            {
              key: 'contact',
              title: t('network.contact'),
              minWidth: 180,
              render: (_, u) => {
                const c = primaryContact(u);
                if (!c) return <Typography.Text type="secondary">{t('network.noContact')}</Typography.Text>;
                return (
                  <Flex vertical style={{ lineHeight: 1.35 }}>
                    <span>{c.name}</span>
                    {c.position ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: c.position }}>
                        {c.position}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                );
              },
            },
            {
              key: 'phone',
              title: t('network.phone'),
              width: 180,
              render: (_, u) => {
                const c = primaryContact(u);
                return c ? <MaskedPhone contactId={c.id} phone={c.phone} /> : null;
              },
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: canManage ? 140 : 80,
              fixed: 'right',
              render: (_, u) => (
                <Flex gap={0}>
                  <Button type="link" size="small" onClick={() => setParam('unit', u.org.id)}>
                    {t('common.details')}
                  </Button>
                  {canManage && !u.effectiveTo ? (
                    <Button
                      type="link"
                      size="small"
                      danger
                      onClick={() => setEnding({ assignmentId: u.assignmentId, org: u.org, role: u.role, effectiveFrom: u.effectiveFrom })}
                    >
                      {t('network.end')}
                    </Button>
                  ) : null}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      <UnitDrawer orgId={unitId} onClose={() => setParam('unit', undefined)} />
      {isAssigning ? <AssignRoleModal onClose={() => setAssigning(false)} /> : null}
      {ending ? <EndRoleModal target={ending} onClose={() => setEnding(null)} /> : null}
    </>
  );
}

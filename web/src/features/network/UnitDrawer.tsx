import { DeleteOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import type { Contact, NetworkAssignment, NetworkRole } from '@changai/contracts';
import { Alert, App, Button, Drawer, Empty, Flex, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { MaskedPhone } from '../../components/MaskedPhone';
import { NetworkRoleTag, OrgKindTag } from '../../components/tags';
import { useCan } from '../auth/use-session';
import { AssignRoleModal } from './AssignRoleModal';
import { ContactFormModal } from './ContactFormModal';
import { EndRoleModal, type EndTarget } from './EndRoleModal';
import { useDeleteContact, useNetworkUnit, useRevealPhone } from './use-network';

const ROLE_COLORS: Record<NetworkRole, string> = { office: 'red', member: 'blue', liaison: 'green' };

type ContactEdit = { contact?: Contact; isPhoneHidden: boolean };

/** One unit of the network: every role it has held, and its contacts. */
export function UnitDrawer({ orgId, onClose }: { orgId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const canManage = useCan('network:manage');
  const canUnmask = useCan('personal_data:unmask');
  const unit = useNetworkUnit(orgId);
  const [isAssigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<EndTarget | null>(null);
  const [editing, setEditing] = useState<ContactEdit | null>(null);
  const remove = useDeleteContact();
  const reveal = useRevealPhone();
  const onError = useApiErrorHandler();
  const { modal, message } = App.useApp();
  const data = unit.data;

  const editContact = async (contact: Contact) => {
    if (!contact.phone) return setEditing({ contact, isPhoneHidden: false });
    if (!canUnmask) return setEditing({ contact, isPhoneHidden: true });
    try {
      const { phone } = await reveal.mutateAsync(contact.id);
      setEditing({ contact: { ...contact, phone }, isPhoneHidden: false });
    } catch (e) {
      onError(e);
    }
  };

  const deleteContact = (contact: Contact) =>
    modal.confirm({
      title: t('common.delete'),
      content: t('network.deleteContactConfirm', { name: contact.name }),
      okButtonProps: { danger: true },
      onOk: () =>
        remove
          .mutateAsync(contact.id)
          .then(() => void message.success(t('network.contactDeleted')))
          .catch(onError),
    });

  const history = [...(data?.assignments ?? [])].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));

  return (
    <Drawer
      open={Boolean(orgId)}
      onClose={onClose}
      size={760}
      title={
        data ? (
          <Flex align="center" gap={8}>
            {data.org.name}
            <OrgKindTag kind={data.org.kind} />
          </Flex>
        ) : (
          t('common.loading')
        )
      }
      extra={
        canManage && data ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)}>
            {t('network.assign')}
          </Button>
        ) : null
      }
      loading={unit.isPending && Boolean(orgId)}
    >
      {unit.error ? <Alert type="error" showIcon title={unit.error.message} /> : null}
      {data ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('network.roleHistory')}
          </Typography.Title>
          {history.length ? (
            <Timeline
              style={{ marginTop: 16 }}
              items={history.map((a: NetworkAssignment) => ({
                key: a.id,
                color: a.effectiveTo ? 'gray' : ROLE_COLORS[a.role],
                content: (
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    <div>
                      <Space size={8}>
                        <NetworkRoleTag role={a.role} />
                        <Typography.Text>
                          {a.effectiveFrom} ~ {a.effectiveTo ?? t('network.openEnded')}
                        </Typography.Text>
                        {a.effectiveTo ? null : <Tag color="success">{t('common.active')}</Tag>}
                      </Space>
                      {a.note ? (
                        <div>
                          <Typography.Text type="secondary">{a.note}</Typography.Text>
                        </div>
                      ) : null}
                    </div>
                    {canManage && !a.effectiveTo ? (
                      <Button
                        size="small"
                        icon={<StopOutlined />}
                        onClick={() => setEnding({ assignmentId: a.id, org: a.org, role: a.role, effectiveFrom: a.effectiveFrom })}
                      >
                        {t('network.end')}
                      </Button>
                    ) : null}
                  </Flex>
                ),
              }))}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('network.noHistory')} />
          )}
          <Flex justify="space-between" align="center" style={{ margin: '8px 0 12px' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('network.contacts')}
            </Typography.Title>
            {canManage ? (
              <Button icon={<PlusOutlined />} onClick={() => setEditing({ isPhoneHidden: false })}>
                {t('network.addContact')}
              </Button>
            ) : null}
          </Flex>
          <Table<Contact>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.contacts}
            locale={{ emptyText: t('network.noContacts') }}
            columns={[
              {
                key: 'name',
                title: t('network.contactName'),
                render: (_, c) => (
                  <Space size={4}>
                    {c.name}
                    {c.isPrimary ? <Tag color="blue">{t('network.primary')}</Tag> : null}
                  </Space>
                ),
              },
              { key: 'position', title: t('network.position'), render: (_, c) => c.position ?? t('common.none') },
              { key: 'phone', title: t('network.phone'), render: (_, c) => <MaskedPhone contactId={c.id} phone={c.phone} /> },
              { key: 'email', title: t('network.email'), render: (_, c) => c.email ?? t('common.none') },
              ...(canManage
                ? [
                    {
                      key: 'actions',
                      title: t('common.actions'),
                      width: 96,
                      render: (_: unknown, c: Contact) => (
                        <Space size={0}>
                          <Button
                            type="link"
                            size="small"
                            icon={<EditOutlined />}
                            aria-label={t('common.edit')}
                            onClick={() => void editContact(c)}
                          />
                          <Button
                            type="link"
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('common.delete')}
                            onClick={() => deleteContact(c)}
                          />
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      ) : null}
      {isAssigning && data ? <AssignRoleModal org={data.org} onClose={() => setAssigning(false)} /> : null}
      {ending ? <EndRoleModal target={ending} onClose={() => setEnding(null)} /> : null}
      {editing && data ? (
        <ContactFormModal
          orgId={data.org.id}
          contact={editing.contact}
          isPhoneHidden={editing.isPhoneHidden}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Drawer>
  );
}

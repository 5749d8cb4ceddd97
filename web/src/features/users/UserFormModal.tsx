import { CreateUserSchema, PASSWORD_MIN, type Role, type User } from '@changai/contracts';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { OrgPicker } from '../../components/OrgPicker';
import { useActor } from '../auth/use-session';
import { useCreateUser, useRoleCatalog, useUpdateUser } from './use-users';

type Values = { username?: string; displayName: string; password?: string; role: Role; orgId: string; isActive?: boolean };

/** New user (with an initial password they must change), or edit name, role, org and status. */
export function UserFormModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { rules } = useZodRules();
  const [form] = Form.useForm<Values>();
  const actor = useActor();
  const roles = useRoleCatalog();
  const create = useCreateUser();
  const update = useUpdateUser();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const shape = CreateUserSchema.shape;
  const isSelf = user?.id === actor.userId;
  const roleOptions = (roles.data ?? [])
    .filter((r) => r.assignable || r.role === user?.role)
    .map((r) => ({ value: r.role, label: t(`roles.${r.role}`), disabled: !r.assignable }));

  // A new user is most often a worker; the catalog arrives after the form opens.
  const canAssignWorker = roles.data?.some((r) => r.role === 'worker' && r.assignable) ?? false;
  useEffect(() => {
    if (!user && canAssignWorker && !form.getFieldValue('role')) form.setFieldValue('role', 'worker');
  }, [user, canAssignWorker, form]);

  const onFinish = (values: Values) => {
    if (!user) {
      const input = {
        username: values.username?.trim() ?? '',
        displayName: values.displayName.trim(),
        password: values.password ?? '',
        role: values.role,
        orgId: values.orgId,
      };
      create.mutate(input, {
        onSuccess: (created) => {
          void message.success(t('users.created', { name: created.displayName }));
          onClose();
        },
        onError,
      });
      return;
    }
    const changes = isSelf
      ? { displayName: values.displayName.trim() }
      : { displayName: values.displayName.trim(), role: values.role, orgId: values.orgId, isActive: values.isActive };
    update.mutate(
      { userId: user.id, ...changes },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        wrapperCol={{ span: 18 }}
        onFinish={onFinish}
        style={{ marginTop: 20 }}
        initialValues={user ? { displayName: user.displayName, role: user.role, orgId: user.org.id, isActive: user.isActive } : undefined}
      >
        {user ? (
          <Form.Item label={t('users.username')}>
            <Input value={user.username} disabled />
          </Form.Item>
        ) : (
          <Form.Item name="username" label={t('users.username')} rules={rules(shape.username)}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.displayName')} rules={rules(shape.displayName)}>
          <Input autoComplete="off" />
        </Form.Item>
        {user ? null : (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            extra={
              <>
                {t('users.initialPasswordHint')}
                <br />
                {t('account.passwordHint', { min: PASSWORD_MIN })}
              </>
            }
            rules={rules(shape.password)}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('users.role')} rules={rules(shape.role)}>
          <Select options={roleOptions} loading={roles.isPending} disabled={isSelf} />
        </Form.Item>
        <Form.Item name="orgId" label={t('users.org')} rules={rules(shape.orgId)}>
          <OrgPicker valueOrg={user?.org} allowClear={false} />
        </Form.Item>
        {user ? (
          <Form.Item name="isActive" label={t('users.isActive')} valuePropName="checked">
            <Switch disabled={isSelf} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

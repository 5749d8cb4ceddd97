import { PASSWORD_MIN, ResetPasswordSchema, type User } from '@changai/contracts';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { useResetPassword } from './use-users';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { rules } = useZodRules();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName })}
      okText={t('users.resetPassword')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        onFinish={({ password }) =>
          reset.mutate(
            { userId: user.id, password },
            {
              onSuccess: () => {
                void message.success(t('users.resetDone'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={
            <>
              {t('users.initialPasswordHint')}
              <br />
              {t('account.passwordHint', { min: PASSWORD_MIN })}
            </>
          }
          rules={rules(ResetPasswordSchema.shape.password)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { ChangePasswordSchema, PASSWORD_MIN } from '@changai/contracts';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { useChangePassword } from '../auth/use-session';

type Values = { currentPassword: string; newPassword: string; confirm: string };

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const { rules } = useZodRules();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();

  const onFinish = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('account.changed'));
          form.resetFields();
          onDone?.();
        },
        onError,
      },
    );

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }}>
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={rules(ChangePasswordSchema.shape.currentPassword)}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('account.passwordHint', { min: PASSWORD_MIN })}
        rules={rules(ChangePasswordSchema.shape.newPassword)}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: async (_, value) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('validation.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('account.submit')}
      </Button>
    </Form>
  );
}

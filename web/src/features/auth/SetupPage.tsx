import { SetupSchema } from '@changai/contracts';
import { Alert, App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { FullPageSpinner } from '../../app/guards';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { AuthLayout } from './AuthLayout';
import { useSetup, useSetupStatus } from './use-session';

type SetupValues = { username: string; displayName: string; password: string; confirm: string };

/** First run only: creates the province administrator when the platform has no accounts. */
export function SetupPage() {
  const { t } = useTranslation();
  const { rules } = useZodRules();
  const [form] = Form.useForm<SetupValues>();
  const status = useSetupStatus();
  const setup = useSetup();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiErrorHandler(form);

  if (status.isPending) return <FullPageSpinner />;
  if (!status.data?.needsSetup && !setup.isSuccess) return <Navigate to="/login" replace />;

  const onFinish = ({ confirm: _confirm, ...values }: SetupValues) =>
    setup.mutate(values, {
      onSuccess: () => {
        void message.success(t('setup.done'));
        navigate('/login', { replace: true });
      },
      onError,
    });

  return (
    <AuthLayout title={t('setup.title')}>
      <Alert type="info" showIcon title={t('setup.intro')} style={{ marginBottom: 20 }} />
      <Form<SetupValues> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="username" label={t('setup.username')} rules={rules(SetupSchema.shape.username)}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('setup.displayName')} rules={rules(SetupSchema.shape.displayName)}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label={t('setup.password')} rules={rules(SetupSchema.shape.password)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('setup.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: async (_, value) => {
                if (value && value !== getFieldValue('password')) throw new Error(t('validation.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={setup.isPending}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}

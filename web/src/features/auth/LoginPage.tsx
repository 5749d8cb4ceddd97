import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginSchema } from '@changai/contracts';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { FullPageSpinner, safeNextPath } from '../../app/guards';
import { useZodRules } from '../../app/use-zod-rules';
import { AuthLayout } from './AuthLayout';
import { useLogin, useSession, useSetupStatus } from './use-session';

type LoginValues = { username: string; password: string };

export function LoginPage() {
  const { t } = useTranslation();
  const { rules } = useZodRules();
  const [params] = useSearchParams();
  const session = useSession();
  const setup = useSetupStatus();
  const login = useLogin();
  const next = safeNextPath(params.get('next'));

  if (session.isPending || setup.isPending) return <FullPageSpinner />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  // The one way out once signed in (a second navigate on success could land after the user's first click).
  if (session.data && !login.isPending) return <Navigate to={next} replace />;

  const onFinish = (values: LoginValues) => login.mutate(values);
  const error = login.error;

  return (
    <AuthLayout title={t('login.title')}>
      {error ? (
        <Alert type="error" showIcon style={{ marginBottom: 20 }} title={isApiError(error) ? error.message : t('errors.network_error')} />
      ) : null}
      <Form<LoginValues> layout="vertical" size="large" requiredMark={false} onFinish={onFinish} autoComplete="on">
        <Form.Item name="username" label={t('login.username')} rules={rules(LoginSchema.shape.username)}>
          <Input prefix={<UserOutlined />} placeholder={t('login.usernamePlaceholder')} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={rules(LoginSchema.shape.password)}>
          <Input.Password prefix={<LockOutlined />} placeholder={t('login.passwordPlaceholder')} autoComplete="current-password" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 12 }}>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('login.forgot')}
      </Typography.Text>
    </AuthLayout>
  );
}

import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AuthLayout } from '../auth/AuthLayout';
import { useActor, useLogout } from '../auth/use-session';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Where a user with an initial password lands: nothing else opens until it is changed. */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <AuthLayout title={t('account.forcedTitle')}>
      <Alert
        type="warning"
        showIcon
        title={t('common.nameWithCode', { name: actor.displayName, code: actor.username })}
        description={t('account.forcedText')}
        style={{ marginBottom: 20 }}
      />
      <ChangePasswordForm onDone={() => navigate('/', { replace: true })} />
      <Flex justify="flex-end">
        <Button type="link" onClick={() => logout.mutateAsync().finally(() => navigate('/login', { replace: true }))}>
          {t('header.signOut')}
        </Button>
      </Flex>
    </AuthLayout>
  );
}

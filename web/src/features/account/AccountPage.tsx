import { Card, Col, Descriptions, Flex, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RoleTag } from '../../components/tags';
import { useActor } from '../auth/use-session';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountPage() {
  const { t } = useTranslation();
  const actor = useActor();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('account.profile')}>
            <Descriptions
              column={1}
              bordered
              size="middle"
              styles={{ label: { width: 140 } }}
              items={[
                { key: 'username', label: t('account.username'), children: actor.username },
                { key: 'displayName', label: t('account.displayName'), children: actor.displayName },
                { key: 'role', label: t('account.role'), children: <RoleTag role={actor.role} /> },
                { key: 'org', label: t('account.org'), children: t('common.nameWithCode', { name: actor.orgName, code: actor.orgCode }) },
                {
                  key: 'permissions',
                  label: t('account.permissions'),
                  children: (
                    <Flex wrap gap={6}>
                      {actor.permissions.map((p) => (
                        <Tag key={p}>{t(`permissions.${p}`)}</Tag>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('account.changePassword')} id="password">
            <ChangePasswordForm />
          </Card>
        </Col>
      </Row>
    </>
  );
}

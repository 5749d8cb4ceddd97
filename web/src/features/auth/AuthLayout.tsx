import { Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../../app/AppShell';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** The frame of the pages before sign-in: the platform on the left, the form on the right. */
export function AuthLayout({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Row style={{ minHeight: '100vh' }}>
      <Col
        xs={0}
        md={11}
        lg={12}
        style={{
          background: 'linear-gradient(135deg, #0b1a30 0%, #153a6e 55%, #1d4f91 100%)',
          color: '#fff',
          padding: '56px 64px',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
        }}
      >
        <Flex align="center" gap={14}>
          <BrandMark size={44} />
          <Flex vertical>
            <span style={{ fontSize: 26, fontWeight: 700, letterSpacing: 2 }}>{t('app.name')}</span>
            <span style={{ fontSize: 14, opacity: 0.75 }}>{t('app.subtitle')}</span>
          </Flex>
        </Flex>
        <div style={{ maxWidth: 480 }}>
          <div style={{ fontSize: 30, fontWeight: 600, lineHeight: 1.4, marginBottom: 16 }}>{t('app.subtitle')}</div>
          <div style={{ fontSize: 15, opacity: 0.8, lineHeight: 1.8 }}>{t('login.intro')}</div>
          <div style={{ marginTop: 28, fontSize: 13, opacity: 0.6, letterSpacing: 1 }}>{t('login.highlights')}</div>
        </div>
        <div style={{ fontSize: 12, opacity: 0.5 }}>{t('app.copyright')}</div>
      </Col>
      <Col xs={24} md={13} lg={12} style={{ background: '#f5f7fa', display: 'flex', flexDirection: 'column' }}>
        <Flex justify="flex-end" style={{ padding: '16px 24px' }}>
          <LanguageSwitch type="default" />
        </Flex>
        <Flex flex={1} align="center" justify="center" style={{ padding: '0 24px 64px' }}>
          <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: '32px 32px 24px' } }}>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 24 }}>
              {title}
            </Typography.Title>
            {children}
          </Card>
        </Flex>
      </Col>
    </Row>
  );
}

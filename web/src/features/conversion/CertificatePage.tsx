import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { certificatePdfUrl, verifiableCredentialUrl } from '../../api/conversion.api';
import { FullPageSpinner } from '../../app/guards';
import { PageHeader } from '../../components/PageHeader';
import { useCertificate, usePick } from './use-conversion';

export function CertificatePage() {
  const { applicationId } = useParams();
  const { t } = useTranslation();
  const pick = usePick();
  const query = useCertificate(applicationId);
  if (query.isPending) return <FullPageSpinner />;
  if (query.isError) return <Alert type="error" showIcon title={query.error.message} />;
  const cert = query.data;
  const isRevoked = cert.status === 'revoked';
  return (
    <>
      <PageHeader
        title={t('conversion.certificateTitle')}
        extra={
          <a href={certificatePdfUrl(cert.applicationId)} target="_blank" rel="noreferrer">
            <Button type="primary" icon={<DownloadOutlined />}>
              {t('conversion.downloadPdf')}
            </Button>
          </a>
        }
      />
      <Card style={{ maxWidth: 900, borderColor: '#8b1a1a', borderWidth: 2 }}>
        <Row gutter={32} align="middle">
          <Col xs={24} md={16}>
            <Flex vertical gap={12}>
              <Typography.Title level={3} style={{ color: '#8b1a1a', margin: 0 }}>
                <SafetyCertificateOutlined /> {pick(cert.pathwayName)}
              </Typography.Title>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'holder', label: t('conversion.holder'), children: cert.holderName },
                  {
                    key: 'level',
                    label: t('conversion.credential'),
                    children: (
                      <Flex gap={8}>
                        {pick(cert.credential.level) || cert.credential.levelCode}
                        <Tag color={isRevoked ? 'error' : 'success'}>{isRevoked ? t('conversion.revoked') : t('conversion.valid')}</Tag>
                      </Flex>
                    ),
                  },
                  { key: 'number', label: t('conversion.certificateNumber'), children: cert.credential.certificateNumber },
                  { key: 'issuedOn', label: t('conversion.issuedOn'), children: cert.credential.issuedOn },
                  { key: 'issuer', label: t('conversion.issuer'), children: cert.credential.issuer },
                  {
                    key: 'rules',
                    label: t('conversion.ruleVersion'),
                    children: `${cert.ruleSet.code} · ${t('conversion.version', { version: cert.ruleSet.version })}`,
                  },
                  ...(isRevoked ? [{ key: 'reason', label: t('conversion.revokedReason'), children: cert.revokedReason }] : []),
                ]}
              />
            </Flex>
          </Col>
          <Col xs={24} md={8}>
            <Flex vertical align="center" gap={6}>
              <img
                src={`data:image/svg+xml;utf8,${encodeURIComponent(cert.qrSvg)}`}
                alt={t('conversion.scanToVerify')}
                width={168}
                height={168}
              />
              <Typography.Text type="secondary">{t('conversion.scanToVerify')}</Typography.Text>
              <Typography.Text strong copyable style={{ fontSize: 18, letterSpacing: 2 }}>
                {cert.verificationCode}
              </Typography.Text>
              <Link to={cert.verifyPath}>{t('conversion.verifyLink')}</Link>
              <a href={verifiableCredentialUrl(cert.verificationCode)} target="_blank" rel="noreferrer" style={{ fontSize: 12 }}>
                {t('conversion.vcDownload')}
              </a>
            </Flex>
          </Col>
        </Row>
      </Card>
    </>
  );
}

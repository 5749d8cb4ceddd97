import { Card, Descriptions, Flex, Layout, Result, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { verifiableCredentialUrl } from '../../api/conversion.api';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { usePick, useVerification } from './use-conversion';

/** The public page behind a certificate's QR code: no account needed. */
export function VerifyPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const pick = usePick();
  const query = useVerification(code);
  const v = query.data;
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Flex justify="space-between" align="center" style={{ padding: '12px 24px', background: '#fff' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('app.name')} · {t('conversion.verifyTitle')}
        </Typography.Title>
        <LanguageSwitch />
      </Flex>
      <Flex justify="center" style={{ padding: 24 }}>
        <Card style={{ width: '100%', maxWidth: 720 }}>
          {query.isPending ? (
            <Spin />
          ) : !v || v.status === 'not_found' ? (
            <Result status="error" title={t('conversion.verifyNotFound')} subTitle={code} />
          ) : (
            <>
              <Result
                status={v.status === 'valid' ? 'success' : 'warning'}
                title={v.status === 'valid' ? t('conversion.verifyValid') : t('conversion.verifyRevoked')}
                subTitle={`${t('conversion.verificationCode')}${t('common.colon')}${v.code}`}
              />
              <Descriptions
                column={1}
                bordered
                size="small"
                items={[
                  { key: 'holder', label: t('conversion.holder'), children: v.holderName },
                  { key: 'level', label: t('conversion.credential'), children: pick(v.credential?.level) || v.credential?.levelCode },
                  { key: 'number', label: t('conversion.certificateNumber'), children: v.credential?.certificateNumber },
                  { key: 'issuedOn', label: t('conversion.issuedOn'), children: v.credential?.issuedOn },
                  { key: 'issuer', label: t('conversion.issuer'), children: v.credential?.issuer },
                  ...(v.status === 'revoked'
                    ? [
                        {
                          key: 'reason',
                          label: t('conversion.revokedReason'),
                          children: `${v.revokedReason ?? ''}（${v.revokedOn ?? ''}）`,
                        },
                      ]
                    : []),
                  { key: 'checkedAt', label: t('conversion.checkedAt'), children: dayjs(v.checkedAt).format('YYYY-MM-DD HH:mm:ss') },
                ]}
              />
              <Typography.Paragraph style={{ marginTop: 12, fontSize: 12 }}>
                <a href={verifiableCredentialUrl(v.code)} target="_blank" rel="noreferrer">
                  {t('conversion.vcDownload')}
                </a>
              </Typography.Paragraph>
            </>
          )}
        </Card>
      </Flex>
    </Layout>
  );
}

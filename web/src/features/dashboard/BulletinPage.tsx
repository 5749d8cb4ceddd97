import { ArrowLeftOutlined, FileExcelOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { bulletinPdfUrl, bulletinXlsxUrl } from '../../api/dashboard.api';
import { useBulletin } from './use-dashboard';

/** 数据简报: the period's figures in sentences, printable, with its PDF and xlsx. */
export function BulletinPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = useMemo(() => ({ orgId: params.get('orgId') ?? undefined, asOf: params.get('asOf') ?? undefined }), [params]);
  const bulletin = useBulletin(query);
  const b = bulletin.data;
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap className="no-print" style={{ marginBottom: 16 }}>
        <Link to={`/dashboard?${params.toString()}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('dashboard.bulletinPage.back')}</Button>
        </Link>
        <Flex gap={8}>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('dashboard.bulletinPage.print')}
          </Button>
          <Button icon={<FilePdfOutlined />} href={bulletinPdfUrl(query)} target="_blank">
            {t('dashboard.bulletinPage.pdf')}
          </Button>
          <Button icon={<FileExcelOutlined />} href={bulletinXlsxUrl(query)}>
            {t('dashboard.bulletinPage.xlsx')}
          </Button>
        </Flex>
      </Flex>
      {bulletin.error ? <Alert type="error" showIcon title={bulletin.error.message} /> : null}
      {!b ? (
        <Skeleton active />
      ) : (
        <Card style={{ maxWidth: 860, margin: '0 auto' }} styles={{ body: { padding: '40px 56px' } }}>
          <article aria-label={b.title}>
            <Typography.Title
              level={3}
              style={{ textAlign: 'center', color: '#b71c1c', borderBottom: '2px solid #b71c1c', paddingBottom: 12 }}
            >
              {b.title}
            </Typography.Title>
            {b.paragraphs.map((p) => (
              <Typography.Paragraph key={p} style={{ fontSize: 17, lineHeight: 2, textIndent: '2em' }}>
                {p}
              </Typography.Paragraph>
            ))}
            <Typography.Title level={5}>{t('dashboard.bulletinPage.figures')}</Typography.Title>
            <Table
              size="small"
              pagination={false}
              rowKey="label"
              dataSource={b.figures}
              columns={[
                { title: t('dashboard.admin.name'), dataIndex: 'label' },
                {
                  title: t('dashboard.bulletinPage.value'),
                  key: 'value',
                  align: 'right',
                  render: (_, f) => (f.value === null ? '—' : `${f.value.toLocaleString()} ${f.unit}`),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
              {t('dashboard.bulletinPage.footer', { asOf: b.asOf, time: dayjs(b.computedAt).format('YYYY-MM-DD HH:mm:ss') })}
            </Typography.Paragraph>
          </article>
        </Card>
      )}
    </>
  );
}

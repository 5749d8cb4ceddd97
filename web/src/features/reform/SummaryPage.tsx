import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, List, Row, Select, Skeleton, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { yearSummaryXlsxUrl } from '../../api/reform.api';
import { PageHeader } from '../../components/PageHeader';
import { percent } from './reform-tags';
import { useYearSummary } from './use-reform';

/** 年度总结: the year in figures and in the bulletin's words; printable, and as a workbook. */
export function SummaryPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const summary = useYearSummary(year);
  const s = summary.data;
  const years = Array.from({ length: thisYear - 2017 + 1 }, (_, i) => thisYear - i);
  const zh = i18n.language === 'zh-CN';
  return (
    <div className="printable-summary">
      <PageHeader
        title={t('reform.summary.title')}
        extra={
          <div className="no-print" style={{ display: 'flex', gap: 8 }}>
            <Select
              aria-label={t('reform.summary.year')}
              style={{ width: 120 }}
              value={year}
              onChange={(v) => setParams({ year: String(v) }, { replace: true })}
              options={years.map((y) => ({ value: y, label: t('reform.summary.yearOption', { year: y }) }))}
            />
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('reform.summary.print')}
            </Button>
            <Button icon={<DownloadOutlined />} href={yearSummaryXlsxUrl(year)}>
              {t('reform.summary.export')}
            </Button>
          </div>
        }
      />
      {summary.error ? <Alert type="error" showIcon title={summary.error.message} /> : null}
      {!s ? (
        <Skeleton active />
      ) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Typography.Title level={3} style={{ textAlign: 'center' }}>
              {t('reform.summary.heading', { year: s.year })}
            </Typography.Title>
            <Typography.Paragraph style={{ fontSize: 16, lineHeight: 2, textIndent: zh ? '2em' : undefined }}>
              {s.paragraph}
            </Typography.Paragraph>
          </Card>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {[
              [t('reform.summary.policiesTotal'), s.policies.total, t('reform.summary.unitItems')],
              [t('reform.summary.policiesIssued'), s.policies.issued, t('reform.summary.unitItems')],
              [t('reform.summary.tasksDue'), s.tasks.due, t('reform.summary.unitTasks')],
              [t('reform.summary.tasksCompleted'), s.tasks.completed, t('reform.summary.unitTasks')],
              [t('reform.summary.onTimeRate'), percent(s.reports.onTimeRate), ''],
              [t('reform.summary.notices'), s.supervision.notices, ''],
              ...(s.figures
                ? [
                    [t('reform.summary.highSkilled'), s.figures.highSkilled.toLocaleString(), t('reform.summary.unitPeople')],
                    [t('reform.summary.highSkilledShare'), percent(s.figures.highSkilledShare), ''],
                  ]
                : []),
            ].map(([label, value, suffix]) => (
              <Col xs={12} md={6} key={String(label)}>
                <Card role="group" aria-label={String(label)} styles={{ body: { padding: '14px 18px' } }}>
                  <Statistic title={label} value={value} suffix={suffix} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title={t('reform.summary.byArea')} style={{ marginBottom: 16 }}>
                <Table
                  rowKey="area"
                  size="small"
                  pagination={false}
                  dataSource={s.tasks.byArea}
                  columns={[
                    { key: 'area', title: t('reform.tasks.area'), render: (_, a) => t(`reform.areas.${a.area}`) },
                    {
                      key: 'done',
                      title: t('reform.supervision.completed'),
                      width: 140,
                      render: (_, a) => t('reform.summary.completedOfTotal', { completed: a.completed, total: a.tasks }),
                    },
                  ]}
                />
              </Card>
              <Card title={t('reform.summary.meetingsOfYear')} style={{ marginBottom: 16 }}>
                <List size="small" dataSource={s.meetings} renderItem={(m) => <List.Item>{`${m.heldOn} ${m.title}`}</List.Item>} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('reform.summary.policiesOfYear')} style={{ marginBottom: 16 }}>
                <List
                  size="small"
                  dataSource={s.policies.titles}
                  renderItem={(p) => (
                    <List.Item>
                      {zh ? `《${p.title}》` : p.title}
                      <Typography.Text type="secondary"> {p.docNumber ?? ''}</Typography.Text>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          </Row>
          {s.figures ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reform.summary.figuresAsOf', { date: s.figures.asOf })}
            </Typography.Text>
          ) : null}
        </>
      )}
    </div>
  );
}

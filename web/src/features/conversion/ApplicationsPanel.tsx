import type { Application } from '@changai/contracts';
import { Alert, App, Button, Flex, Form, Input, Modal, Radio, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../auth/use-session';
import { useApplications, useDecideApplication, usePick, useReviewApplication, useWithdrawApplication } from './use-conversion';

type Queue = 'mine' | 'unit_review' | 'decision' | 'all';

const STATUS_COLORS: Record<Application['status'], string> = {
  submitted: 'processing',
  unit_approved: 'purple',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function StatusTag({ status }: { status: Application['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`conversion.statuses.${status}`)}
    </Tag>
  );
}

function ReviewModal({ application, onClose }: { application: Application; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const review = useReviewApplication();
  const [form] = Form.useForm<{ approve: boolean; comment?: string }>();
  return (
    <Modal
      open
      title={`${t('conversion.review')}：${application.worker.name}`}
      confirmLoading={review.isPending}
      onCancel={onClose}
      onOk={async () => {
        const values = await form.validateFields();
        try {
          await review.mutateAsync({ id: application.id, input: { approve: values.approve, comment: values.comment || undefined } });
          onClose();
        } catch (e) {
          message.error((e as Error).message);
        }
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ approve: true }}>
        <Form.Item name="approve" label={t('conversion.review')}>
          <Radio.Group
            options={[
              { value: true, label: t('conversion.approve') },
              { value: false, label: t('conversion.reject') },
            ]}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('conversion.comment')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecisionModal({ application, onClose }: { application: Application; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideApplication();
  const [form] = Form.useForm<{ approve: boolean; certificateNumber?: string; issuedOn?: string; issuer?: string; reason?: string }>();
  const approve = Form.useWatch('approve', form);
  return (
    <Modal
      open
      title={`${t('conversion.decide')}：${application.worker.name}`}
      confirmLoading={decide.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await decide.mutateAsync({
            id: application.id,
            input: v.approve
              ? { approve: true, certificateNumber: v.certificateNumber ?? '', issuedOn: v.issuedOn ?? '', issuer: v.issuer ?? '' }
              : { approve: false, reason: v.reason ?? '' },
          });
          onClose();
        } catch (e) {
          message.error((e as Error).message);
        }
      }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ approve: true, issuedOn: dayjs().format('YYYY-MM-DD'), issuer: t('conversion.defaultIssuer') }}
      >
        <Form.Item name="approve" label={t('conversion.decide')}>
          <Radio.Group
            options={[
              { value: true, label: t('conversion.approve') },
              { value: false, label: t('conversion.reject') },
            ]}
          />
        </Form.Item>
        {approve === false ? (
          <Form.Item name="reason" label={t('conversion.reason')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="certificateNumber"
              label={t('conversion.certificateNumber')}
              rules={[{ required: true, pattern: /^[A-Za-z0-9-]{4,40}$/ }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="issuedOn" label={t('conversion.issuedOn')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="issuer" label={t('conversion.issuer')} rules={[{ required: true, min: 2 }]}>
              <Input />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function QueueTable({ queue }: { queue: Queue }) {
  const { t } = useTranslation();
  const pick = usePick();
  const query = useApplications({ queue, limit: 100 });
  const withdraw = useWithdrawApplication();
  const [reviewing, setReviewing] = useState<Application | null>(null);
  const [deciding, setDeciding] = useState<Application | null>(null);
  if (query.isError) return <Alert type="error" showIcon title={query.error.message} />;
  return (
    <>
      <Table<Application>
        rowKey="id"
        size="middle"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('conversion.empty') }}
        columns={[
          { key: 'worker', title: t('conversion.worker'), render: (_, a) => `${a.worker.name}（${a.worker.orgName}）` },
          { key: 'pathway', title: t('conversion.pathway'), render: (_, a) => pick(a.pathwayName) },
          { key: 'status', title: t('common.status'), render: (_, a) => <StatusTag status={a.status} /> },
          { key: 'submittedAt', title: t('conversion.submittedAt'), render: (_, a) => dayjs(a.submittedAt).format('YYYY-MM-DD HH:mm') },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, a) => (
              <Flex gap={8} wrap>
                {queue === 'unit_review' && a.status === 'submitted' ? (
                  <Button size="small" type="primary" onClick={() => setReviewing(a)}>
                    {t('conversion.review')}
                  </Button>
                ) : null}
                {queue === 'decision' && a.status === 'unit_approved' ? (
                  <Button size="small" type="primary" onClick={() => setDeciding(a)}>
                    {t('conversion.decide')}
                  </Button>
                ) : null}
                {queue === 'mine' && a.status === 'submitted' ? (
                  <Button size="small" onClick={() => withdraw.mutate(a.id)}>
                    {t('conversion.withdraw')}
                  </Button>
                ) : null}
                {a.status === 'approved' ? (
                  <Link to={`/conversion/applications/${a.id}/certificate`}>{t('conversion.viewCertificate')}</Link>
                ) : null}
                {a.status === 'rejected' ? <span>{a.decisionReason ?? a.unitComment}</span> : null}
              </Flex>
            ),
          },
        ]}
      />
      {reviewing ? <ReviewModal application={reviewing} onClose={() => setReviewing(null)} /> : null}
      {deciding ? <DecisionModal application={deciding} onClose={() => setDeciding(null)} /> : null}
    </>
  );
}

/** Each party's queue as a tab: what I submitted, what my unit must review, what the committee must decide. */
export function ApplicationsPanel({ queues }: { queues?: Queue[] }) {
  const { t } = useTranslation();
  const can = {
    mine: useCan('applications:submit'),
    unit_review: useCan('applications:review'),
    decision: useCan('applications:decide'),
    all: useCan('conversion:read'),
  };
  const shown = (queues ?? (['unit_review', 'decision', 'mine', 'all'] as Queue[])).filter((q) => can[q]);
  return <Tabs items={shown.map((q) => ({ key: q, label: t(`conversion.queues.${q}`), children: <QueueTable queue={q} /> }))} />;
}

import type { PathwayEvaluation } from '@changai/contracts';
import { Alert, App, Card, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageSpinner } from '../../app/guards';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/use-session';
import { PathwayList } from './PathwayList';
import { useEvaluation, usePick, useSubmitApplication } from './use-conversion';

/** A worker's pathways, explained, with self-service or HR application. */
export function WorkerPathways({ workerId, title }: { workerId: string; title?: string }) {
  const { t } = useTranslation();
  const pick = usePick();
  const { message } = App.useApp();
  const query = useEvaluation(workerId);
  const canSubmit = useCan('applications:submit');
  const submit = useSubmitApplication();
  const [applying, setApplying] = useState<PathwayEvaluation | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  if (query.isPending) return <FullPageSpinner />;
  if (query.isError) return <Alert type="error" showIcon title={query.error.message} />;
  const evaluation = query.data;
  return (
    <>
      <PageHeader title={title ?? t('conversion.pathwaysOf', { name: evaluation.workerName })}>
        <Typography.Text type="secondary">
          {t('conversion.asOf', { date: evaluation.asOf, code: evaluation.ruleSet.code, version: evaluation.ruleSet.version })}
        </Typography.Text>
      </PageHeader>
      <Card>
        <PathwayList pathways={evaluation.pathways} onApply={canSubmit ? setApplying : undefined} />
      </Card>
      <Modal
        open={applying !== null}
        title={applying ? t('conversion.applyTitle', { name: pick(applying.name) }) : ''}
        okText={t('conversion.apply')}
        confirmLoading={submit.isPending}
        onCancel={() => setApplying(null)}
        onOk={async () => {
          if (!applying) return;
          try {
            await submit.mutateAsync({ workerId, pathwayId: applying.pathwayId, note: form.getFieldValue('note') || undefined });
            message.success(t('conversion.applySubmitted'));
            setApplying(null);
            form.resetFields();
          } catch (e) {
            message.error((e as Error).message);
          }
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('conversion.applyNote')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

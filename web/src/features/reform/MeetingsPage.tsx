import { PlusOutlined } from '@ant-design/icons';
import { MEETING_KINDS, type MeetingSummary, type SaveMeeting } from '@changai/contracts';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiErrorHandler } from '../../app/use-api-error';
import { OrgPicker } from '../../components/OrgPicker';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/use-session';
import { TaskStatusTag } from './reform-tags';
import { OrgListPicker, TaskFormModal } from './TaskFormModal';
import { useCreateMeeting, useMeeting, useMeetings } from './use-reform';

/** 会议记录: the leading group's meetings, their minutes and decisions, and the tasks set from them. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const canManage = useCan('meetings:manage');
  const [params, setParams] = useSearchParams();
  const meetings = useMeetings();
  const [isCreating, setCreating] = useState(false);
  const meetingId = params.get('meeting') ?? undefined;
  return (
    <>
      <PageHeader
        title={t('reform.meetings.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('reform.meetings.add')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Table<MeetingSummary>
          rowKey="id"
          size="middle"
          loading={meetings.isPending}
          dataSource={meetings.data?.items ?? []}
          locale={{ emptyText: t('reform.meetings.empty') }}
          onRow={(m) => ({ onClick: () => setParams({ meeting: m.id }), style: { cursor: 'pointer' } })}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { key: 'heldOn', title: t('reform.meetings.heldOn'), width: 120, dataIndex: 'heldOn' },
            { key: 'title', title: t('reform.meetings.titleLabel'), render: (_, m) => <Typography.Link>{m.title}</Typography.Link> },
            {
              key: 'kind',
              title: t('reform.meetings.kind'),
              width: 120,
              render: (_, m) => <Tag>{t(`reform.meetingKinds.${m.kind}`)}</Tag>,
            },
            { key: 'host', title: t('reform.meetings.hostOrg'), width: 180, render: (_, m) => m.hostOrg.name },
            {
              key: 'att',
              title: t('reform.meetings.attendees'),
              width: 110,
              render: (_, m) => t('reform.meetings.attendeeCount', { count: m.attendeeCount }),
            },
            {
              key: 'dec',
              title: t('reform.meetings.decisions'),
              width: 110,
              render: (_, m) => t('reform.meetings.decisionCount', { count: m.decisionCount }),
            },
          ]}
        />
      </Card>
      <MeetingDrawer meetingId={meetingId} onClose={() => setParams({})} />
      {isCreating ? <MeetingFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function MeetingDrawer({ meetingId, onClose }: { meetingId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const meeting = useMeeting(meetingId);
  const canSetTasks = useCan('tasks:manage');
  const [decision, setDecision] = useState<{ id: string; text: string } | null>(null);
  const m = meeting.data;
  return (
    <Drawer open={Boolean(meetingId)} onClose={onClose} size={720} title={m?.title ?? ' '}>
      {!m ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions
            column={2}
            size="small"
            bordered
            items={[
              { key: 'date', label: t('reform.meetings.heldOn'), children: m.heldOn },
              { key: 'kind', label: t('reform.meetings.kind'), children: t(`reform.meetingKinds.${m.kind}`) },
              { key: 'host', label: t('reform.meetings.hostOrg'), children: m.hostOrg.name },
              { key: 'loc', label: t('reform.meetings.location'), children: m.location ?? '—' },
              { key: 'att', label: t('reform.meetings.attendees'), children: m.attendees.map((a) => a.name).join('、') || '—', span: 2 },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('reform.meetings.minutes')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.minutes || '—'}</Typography.Paragraph>
          </div>
          <div>
            <Typography.Title level={5}>{t('reform.meetings.decisions')}</Typography.Title>
            <List
              dataSource={m.decisions}
              locale={{ emptyText: t('reform.meetings.noDecisions') }}
              renderItem={(d) => (
                <List.Item
                  extra={
                    canSetTasks ? (
                      <Button size="small" onClick={() => setDecision({ id: d.id, text: d.text })}>
                        {t('reform.tasks.createFromDecision')}
                      </Button>
                    ) : null
                  }
                >
                  <Flex vertical gap={4}>
                    <span>
                      {d.seq}. {d.text}
                    </span>
                    {d.tasks.map((task) => (
                      <span key={task.id}>
                        <Link to={`/tasks/${task.id}`}>{task.title}</Link>（{task.org.name}） <TaskStatusTag status={task.status} />
                      </span>
                    ))}
                  </Flex>
                </List.Item>
              )}
            />
          </div>
        </Flex>
      )}
      {decision ? <TaskFormModal decision={decision} onClose={() => setDecision(null)} /> : null}
    </Drawer>
  );
}

type Values = Omit<SaveMeeting, 'heldOn' | 'decisions'> & { heldOn: Dayjs; decisions?: string };

function MeetingFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateMeeting();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open
      width={680}
      title={t('reform.meetings.add')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'coordination', attendeeOrgIds: [] }}
        onFinish={(v) =>
          create.mutate(
            {
              ...v,
              heldOn: v.heldOn.format('YYYY-MM-DD'),
              attendeeOrgIds: v.attendeeOrgIds ?? [],
              minutes: v.minutes ?? '',
              decisions: (v.decisions ?? '')
                .split('\n')
                .map((s) => s.trim())
                .filter(Boolean),
            },
            {
              onSuccess: () => {
                void message.success(t('reform.meetings.created'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="title" label={t('reform.meetings.titleLabel')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('reform.meetings.kind')} rules={required}>
          <Select options={MEETING_KINDS.map((k) => ({ value: k, label: t(`reform.meetingKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('reform.meetings.heldOn')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="location" label={t('reform.meetings.location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="hostOrgId" label={t('reform.meetings.hostOrg')} rules={required}>
          <OrgPicker />
        </Form.Item>
        <Form.Item name="attendeeOrgIds" label={t('reform.meetings.attendees')}>
          <OrgListPicker />
        </Form.Item>
        <Form.Item name="minutes" label={t('reform.meetings.minutes')}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="decisions" label={t('reform.meetings.decisions')} extra={t('reform.meetings.decisionsHint')}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { checkEntry, type DataElement, type Entry, type EntryViolation } from '@changai/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Steps,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { type ClipboardEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { templateUrl } from '../../api/reporting.api';
import { useApiErrorHandler } from '../../app/use-api-error';
import { PageHeader } from '../../components/PageHeader';
import { readPastedBlock } from './paste-block';
import { SubmissionStatusTag, useFormName } from './reporting-tags';
import { useEntry, useEntryActions } from './use-reporting';

type Values = Record<string, number | null>;
const format = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: 4 });

/** 填报: one unit's entry of a form for a period — the grid, inline checks, paste, xlsx, and its approval. */
export function EntryPage() {
  const params = useParams();
  const key = { formId: params.formId ?? '', orgId: params.orgId ?? '', period: params.period ?? '' };
  const entry = useEntry(key);
  const { t } = useTranslation();
  if (entry.error)
    return (
      <Result
        status={isApiError(entry.error) && entry.error.status === 404 ? '404' : 'error'}
        title={entry.error.message}
        extra={<Link to="/reporting">{t('reporting.entry.back')}</Link>}
      />
    );
  if (!entry.data) return <Skeleton active />;
  return <EntryView key={`${entry.data.version}`} entry={entry.data} entryKey={key} />;
}

function EntryView({ entry, entryKey }: { entry: Entry; entryKey: { formId: string; orgId: string; period: string } }) {
  const { t, i18n } = useTranslation();
  const isEn = i18n.language.startsWith('en');
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const formName = useFormName();
  const actions = useEntryActions(entryKey);
  const initial = useMemo(() => Object.fromEntries(entry.values.map((v) => [v.elementCode, v.value])) as Values, [entry]);
  const [draft, setDraft] = useState<Values>(initial);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [pasteNote, setPasteNote] = useState<string>();
  const [uploadErrors, setUploadErrors] = useState<{ path: string; message: string }[]>();
  const [isReturning, setReturning] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  useEffect(() => setDraft(initial), [initial]);

  const elements = entry.form.elements;
  const isDirty = elements.some((e) => (draft[e.code] ?? null) !== (initial[e.code] ?? null));
  const violations = checkEntry(elements, entry.form.rules, draft, { complete: showMissing });
  const hasApproved = entry.values.some((v) => v.approvedValue !== null);
  const busy = Object.values(actions).some((m) => m.isPending);

  const messageOf = (v: EntryViolation) => {
    if (v.reason === 'rule' && v.rule) {
      const text = isEn ? v.rule.messageEn : v.rule.messageZh;
      if (text) return text;
    }
    return t(`reporting.check.${v.reason}`, v.params);
  };
  const problemsFor = (code: string) => [
    ...violations.filter((v) => v.elementCode === code || (v.reason === 'rule' && v.rule?.rightCode === code)).map(messageOf),
    ...(serverErrors[code] ? [serverErrors[code]] : []),
  ];
  const blocking = violations.length;

  const captureErrors = (error: unknown) => {
    if (isApiError(error)) {
      const fields = error.fields;
      setServerErrors(Object.fromEntries(fields.filter((f) => f.path.startsWith('values.')).map((f) => [f.path.slice(7), f.message])));
    }
    onError(error);
  };
  const save = () =>
    actions.save.mutateAsync({ values: draft }).then(
      (saved) => {
        setServerErrors({});
        void message.success(t('reporting.entry.saved'));
        return saved;
      },
      (error: unknown) => {
        captureErrors(error);
        return undefined;
      },
    );
  const submit = async () => {
    setShowMissing(true);
    if (checkEntry(elements, entry.form.rules, draft, { complete: true }).length > 0) {
      void message.warning(t('reporting.entry.fillAll'));
      return;
    }
    const saved = isDirty ? await save() : entry;
    if (!saved) return;
    actions.submit.mutate(saved.version, {
      onSuccess: (e) => void message.success(t('reporting.entry.submitted', { org: e.awaitingOrg?.name ?? '' })),
      onError: captureErrors,
    });
  };
  const onPaste = (index: number) => (event: ClipboardEvent<HTMLElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.trim()) && !/[\t\n]/.test(text)) return;
    event.preventDefault();
    const result = readPastedBlock(text, elements, index);
    setDraft((d) => ({ ...d, ...result.values }));
    const count = Object.keys(result.values).length;
    setPasteNote(
      [
        t('reporting.entry.pasted', { count }),
        result.problems.length
          ? t('reporting.entry.pasteProblems', { count: result.problems.length, cells: result.problems.join('、') })
          : '',
      ]
        .filter(Boolean)
        .join('；'),
    );
  };

  const chainItems = [
    { title: entry.org.name, description: t('reporting.actions.submit') },
    ...entry.chain.map((o) => ({ title: o.name, description: t('reporting.actions.approve') })),
  ];
  const current =
    entry.status === 'approved'
      ? chainItems.length
      : entry.status === 'submitted' && entry.awaitingOrg
        ? entry.chain.findIndex((o) => o.id === entry.awaitingOrg?.id) + 1
        : 0;
  const lastReturn = [...entry.steps].reverse().find((s) => s.action === 'return');

  return (
    <>
      <PageHeader
        title={
          <Flex gap={12} align="center" wrap>
            <span>{t('reporting.entry.title', { form: formName(entry.form), period: entry.period })}</span>
            <SubmissionStatusTag status={entry.status} />
            {entry.isRevision ? <Tag color="purple">{t('reporting.entry.revisionTag')}</Tag> : null}
          </Flex>
        }
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={templateUrl(entryKey)}>
              {t('reporting.entry.download')}
            </Button>
            {entry.canEdit ? (
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  setUploadErrors(undefined);
                  actions.upload.mutate(file, {
                    onSuccess: () => void message.success(t('reporting.entry.uploaded')),
                    onError: (error) => {
                      if (isApiError(error) && error.fields.length) setUploadErrors(error.fields);
                      else onError(error);
                    },
                  });
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={actions.upload.isPending}>
                  {t('reporting.entry.upload')}
                </Button>
              </Upload>
            ) : null}
          </>
        }
      >
        <Descriptions
          size="small"
          style={{ marginTop: 8 }}
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'org', label: t('reporting.inbox.org'), children: entry.org.name },
            { key: 'period', label: t('reporting.inbox.period'), children: entry.period },
            {
              key: 'due',
              label: t('reporting.inbox.dueOn'),
              children: (
                <Typography.Text type={entry.dueOn < dayjs().format('YYYY-MM-DD') && entry.canEdit ? 'danger' : undefined}>
                  {entry.dueOn}
                </Typography.Text>
              ),
            },
          ]}
        />
      </PageHeader>

      {entry.status === 'returned' && entry.returnReason ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('reporting.entry.returnedNotice', { org: lastReturn?.levelOrg?.name ?? '' })}
          description={entry.returnReason}
        />
      ) : null}
      {entry.status === 'submitted' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t('reporting.entry.submitted', { org: entry.awaitingOrg?.name ?? '' })}${entry.canApprove ? '' : `${isEn ? '. ' : '。'}${t('reporting.entry.lockedSubmitted')}`}`}
        />
      ) : null}
      {entry.status === 'approved' ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('reporting.entry.lockedApproved')} />
      ) : null}
      {entry.isRevision && entry.status !== 'approved' ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('reporting.entry.revision')} />
      ) : null}
      {uploadErrors ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setUploadErrors(undefined) }}
          style={{ marginBottom: 12 }}
          title={t('reporting.entry.uploadRefused')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {uploadErrors.map((f) => (
                <li key={`${f.path}:${f.message}`}>
                  <Typography.Text code>{f.path}</Typography.Text> {f.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card
            title={
              entry.canEdit ? (
                <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13, whiteSpace: 'normal' }}>
                  {t('reporting.entry.pasteHint')}
                </Typography.Text>
              ) : (
                <Tag>{t('reporting.entry.locked')}</Tag>
              )
            }
          >
            {pasteNote ? (
              <Alert
                type="info"
                showIcon
                closable={{ onClose: () => setPasteNote(undefined) }}
                style={{ marginBottom: 12 }}
                title={pasteNote}
              />
            ) : null}
            <Table<DataElement>
              rowKey="code"
              size="middle"
              pagination={false}
              dataSource={elements}
              columns={[
                {
                  key: 'element',
                  title: t('reporting.entry.element'),
                  render: (_, e) => (
                    <Tooltip title={isEn ? e.descriptionEn : e.descriptionZh}>
                      <span>{isEn ? e.nameEn : e.nameZh}</span>
                    </Tooltip>
                  ),
                },
                { key: 'unit', title: t('reporting.entry.unit'), width: 90, render: (_, e) => (isEn ? e.unitEn : e.unitZh) },
                {
                  key: 'value',
                  title: t('reporting.entry.value'),
                  width: 180,
                  render: (_, e, index) => {
                    const problems = problemsFor(e.code);
                    return entry.canEdit ? (
                      <div onPasteCapture={onPaste(index)}>
                        <InputNumber
                          aria-label={isEn ? e.nameEn : e.nameZh}
                          style={{ width: '100%' }}
                          status={problems.length ? 'error' : undefined}
                          value={draft[e.code] ?? null}
                          min={e.minValue ?? undefined}
                          max={e.maxValue ?? undefined}
                          precision={e.valueType === 'integer' ? 0 : undefined}
                          onChange={(v) => setDraft((d) => ({ ...d, [e.code]: typeof v === 'number' ? v : null }))}
                        />
                      </div>
                    ) : (
                      <Typography.Text
                        strong
                        style={entry.values.find((v) => v.elementCode === e.code)?.isChanged ? { color: '#722ed1' } : undefined}
                      >
                        {format(draft[e.code])}
                      </Typography.Text>
                    );
                  },
                },
                ...(hasApproved
                  ? [
                      {
                        key: 'approved',
                        title: t('reporting.entry.approvedValue'),
                        width: 130,
                        render: (_: unknown, e: DataElement) => format(entry.values.find((v) => v.elementCode === e.code)?.approvedValue),
                      },
                      {
                        key: 'change',
                        title: t('reporting.entry.change'),
                        width: 110,
                        render: (_: unknown, e: DataElement) => {
                          const approved = entry.values.find((v) => v.elementCode === e.code)?.approvedValue ?? null;
                          const now = draft[e.code] ?? null;
                          if (approved === null || now === approved) return null;
                          const delta = now === null ? null : now - approved;
                          return <Tag color="purple">{delta === null ? '—' : `${delta > 0 ? '+' : ''}${format(delta)}`}</Tag>;
                        },
                      },
                    ]
                  : []),
                {
                  key: 'check',
                  title: t('reporting.entry.check'),
                  render: (_, e) => {
                    const problems = problemsFor(e.code);
                    return problems.length ? (
                      <Flex vertical>
                        {problems.map((p) => (
                          <Typography.Text key={p} type="danger" style={{ fontSize: 13 }}>
                            {p}
                          </Typography.Text>
                        ))}
                      </Flex>
                    ) : null;
                  },
                },
              ]}
            />
            <Flex justify="space-between" align="center" style={{ marginTop: 16 }} wrap gap={8}>
              <Typography.Text type={blocking ? 'danger' : 'success'}>
                {blocking ? t('reporting.entry.problems', { count: blocking }) : t('reporting.entry.allGood')}
                {isDirty ? <Tag style={{ marginInlineStart: 8 }}>{t('reporting.entry.unsaved')}</Tag> : null}
              </Typography.Text>
              <Flex gap={8}>
                {entry.canEdit ? (
                  <>
                    <Button onClick={() => void save()} disabled={!isDirty} loading={actions.save.isPending}>
                      {t('reporting.entry.save')}
                    </Button>
                    <Button
                      type="primary"
                      onClick={() => void submit()}
                      disabled={!entry.canSubmit || busy}
                      loading={actions.submit.isPending}
                    >
                      {t('reporting.entry.submit')}
                    </Button>
                  </>
                ) : null}
                {entry.canReopen ? (
                  <Popconfirm
                    title={t('reporting.entry.reopen')}
                    description={<div style={{ maxWidth: 320 }}>{t('reporting.entry.reopenConfirm')}</div>}
                    onConfirm={() =>
                      actions.reopen.mutate(entry.version, {
                        onSuccess: () => void message.success(t('reporting.entry.reopened')),
                        onError,
                      })
                    }
                  >
                    <Button loading={actions.reopen.isPending}>{t('reporting.entry.reopen')}</Button>
                  </Popconfirm>
                ) : null}
                {entry.canApprove ? (
                  <>
                    <Button danger onClick={() => setReturning(true)} disabled={busy}>
                      {t('reporting.entry.giveBack')}
                    </Button>
                    <Button
                      type="primary"
                      loading={actions.approve.isPending}
                      disabled={busy}
                      onClick={() =>
                        actions.approve.mutate(entry.version, {
                          onSuccess: () => void message.success(t('reporting.entry.approved')),
                          onError,
                        })
                      }
                    >
                      {t('reporting.entry.approve')}
                    </Button>
                  </>
                ) : null}
              </Flex>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={16}>
            <Card title={t('reporting.entry.chain')} size="small">
              <Steps
                orientation="vertical"
                size="small"
                current={current}
                status={entry.status === 'returned' ? 'error' : entry.status === 'approved' ? 'finish' : 'process'}
                items={chainItems}
              />
            </Card>
            <Card title={t('reporting.entry.history')} size="small">
              {entry.steps.length === 0 ? (
                <Typography.Text type="secondary">{t('reporting.entry.noHistory')}</Typography.Text>
              ) : (
                <Timeline
                  items={[...entry.steps].reverse().map((s) => ({
                    color: s.action === 'return' ? 'orange' : s.action === 'approve' ? 'green' : s.action === 'reopen' ? 'purple' : 'blue',
                    content: (
                      <Flex vertical>
                        <Typography.Text>
                          {t(`reporting.actions.${s.action}`)}
                          {s.levelOrg && s.action !== 'submit' ? ` · ${s.levelOrg.name}` : ''}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {s.actorName} · {dayjs(s.at).format('YYYY-MM-DD HH:mm')}
                        </Typography.Text>
                        {s.reason ? <Typography.Text type="warning">{s.reason}</Typography.Text> : null}
                      </Flex>
                    ),
                  }))}
                />
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
      {isReturning ? (
        <ReturnModal
          orgName={entry.org.name}
          isPending={actions.giveBack.isPending}
          onCancel={() => setReturning(false)}
          onSubmit={(reason) =>
            actions.giveBack.mutate(
              { version: entry.version, reason },
              {
                onSuccess: () => {
                  setReturning(false);
                  void message.success(t('reporting.statuses.returned'));
                },
                onError,
              },
            )
          }
        />
      ) : null}
    </>
  );
}

function ReturnModal({
  orgName,
  isPending,
  onCancel,
  onSubmit,
}: {
  orgName: string;
  isPending: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={t('reporting.entry.returnTitle', { org: orgName })}
      okText={t('reporting.entry.giveBack')}
      okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: isPending }}
      onOk={() => onSubmit(reason.trim())}
      onCancel={onCancel}
    >
      <Typography.Paragraph type="secondary">{t('reporting.entry.returnReasonHint')}</Typography.Paragraph>
      <Input.TextArea
        aria-label={t('reporting.entry.returnReason')}
        rows={4}
        maxLength={500}
        showCount
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}

import type { RuleValidation } from '@changai/contracts';
import { Alert, App, Button, Card, Col, Flex, Input, List, Row, Segmented, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRuleSetText, validateRuleText } from '../../api/conversion.api';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/use-session';
import { RuleForm } from './RuleForm';
import { usePick, useRuleSet, useRuleSets, useSaveRuleText } from './use-conversion';

type Format = 'json' | 'yaml';

/** The editor: JSON or YAML text, checked on the server; each problem jumps to its line. */
function RuleEditor({ ruleSetId }: { ruleSetId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [format, setFormat] = useState<Format>('yaml');
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [result, setResult] = useState<RuleValidation | null>(null);
  const area = useRef<HTMLTextAreaElement | null>(null);
  const save = useSaveRuleText();

  useEffect(() => {
    let live = true;
    getRuleSetText(ruleSetId, format).then((r) => {
      if (live) {
        setText(r.text);
        setResult(null);
      }
    });
    return () => {
      live = false;
    };
  }, [ruleSetId, format]);

  const jumpTo = (line: number | null) => {
    const el = area.current;
    if (!el || !line) return;
    const lines = text.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    el.scrollTop = Math.max(0, (line - 5) * 18);
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Segmented<Format>
          value={format}
          onChange={setFormat}
          options={[
            { value: 'yaml', label: 'YAML' },
            { value: 'json', label: 'JSON' },
          ]}
        />
        <Button onClick={async () => setResult(await validateRuleText(format, text))}>{t('conversion.validate')}</Button>
        <Input placeholder={t('conversion.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ maxWidth: 280 }} />
        <Button
          type="primary"
          loading={save.isPending}
          onClick={async () => {
            const checked = await validateRuleText(format, text);
            setResult(checked);
            if (!checked.ok) return;
            try {
              const saved = await save.mutateAsync({ format, text, note: note || undefined });
              message.success(t('conversion.savedVersion', { version: saved.version }));
            } catch (e) {
              message.error((e as Error).message);
            }
          }}
        >
          {t('conversion.saveVersion')}
        </Button>
      </Flex>
      {result ? (
        result.ok ? (
          <Alert type="success" showIcon title={t('conversion.valid_rules')} />
        ) : (
          <Alert
            type="error"
            showIcon
            title={t('conversion.problems', { count: result.problems.length })}
            description={
              <List
                size="small"
                dataSource={result.problems.slice(0, 50)}
                renderItem={(p) => (
                  <List.Item style={{ cursor: 'pointer' }} onClick={() => jumpTo(p.line)}>
                    <Typography.Text code>{p.line ? t('conversion.line', { line: p.line, column: p.column }) : '—'}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{p.path}</Typography.Text> {p.message}
                  </List.Item>
                )}
              />
            }
          />
        )
      ) : null}
      <Input.TextArea
        ref={(el) => {
          area.current = el?.resizableTextArea?.textArea ?? null;
        }}
        aria-label={t('conversion.editor')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={28}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13, lineHeight: '18px' }}
      />
    </Flex>
  );
}

function RuleSetSummary({ ruleSetId }: { ruleSetId: string }) {
  const { t } = useTranslation();
  const pick = usePick();
  const query = useRuleSet(ruleSetId);
  if (!query.data) return null;
  const def = query.data.definition;
  return (
    <Tabs
      items={[
        {
          key: 'pathways',
          label: t('conversion.pathways'),
          children: (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={def.pathways}
              columns={[
                { key: 'name', title: t('conversion.pathway'), render: (_, p) => pick(p.name) },
                { key: 'channel', title: '', render: (_, p) => <Tag>{t(`conversion.channels.${p.channel}`)}</Tag> },
                { key: 'confidence', title: '', render: (_, p) => t(`conversion.confidence.${p.confidence}`) },
              ]}
            />
          ),
        },
        {
          key: 'parameters',
          label: t('conversion.parameters'),
          children: (
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={def.parameters}
              columns={[
                { key: 'd', title: t('conversion.parameters'), render: (_, p) => pick(p.description) },
                { key: 'v', title: '', dataIndex: 'value' },
                { key: 'c', title: '', render: (_, p) => t(`conversion.confidence.${p.confidence}`) },
              ]}
            />
          ),
        },
        {
          key: 'sources',
          label: t('conversion.sources'),
          children: (
            <List
              size="small"
              dataSource={def.sources}
              renderItem={(s) => (
                <List.Item>
                  <Typography.Text>
                    {s.title}
                    {s.number ? `（${s.number}）` : ''} <Tag>{s.confidence}</Tag>
                    {s.note ? <Typography.Text type="secondary"> {s.note}</Typography.Text> : null}
                  </Typography.Text>
                </List.Item>
              )}
            />
          ),
        },
      ]}
    />
  );
}

export function RulesPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const canManage = useCan('rules:manage');
  const list = useRuleSets();
  const [selected, setSelected] = useState<string | undefined>();
  const items = list.data?.items ?? [];
  const current = selected ?? items.find((v) => v.isCurrent)?.id ?? items[0]?.id;
  return (
    <>
      <PageHeader title={t('conversion.rules')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card title={t('conversion.versions')} size="small">
            <Table
              size="small"
              rowKey="id"
              loading={list.isPending}
              pagination={false}
              dataSource={items}
              onRow={(v) => ({
                onClick: () => setSelected(v.id),
                style: { cursor: 'pointer', background: v.id === current ? '#e6f4ff' : undefined },
              })}
              columns={[
                {
                  key: 'v',
                  title: t('conversion.versions'),
                  render: (_, v) => (
                    <Flex gap={6} wrap>
                      {pick(v.name)} · {t('conversion.version', { version: v.version })}
                      {v.isCurrent ? <Tag color="success">{t('conversion.current')}</Tag> : null}
                    </Flex>
                  ),
                },
                { key: 'from', title: t('conversion.effectiveFrom'), dataIndex: 'effectiveFrom' },
                {
                  key: 'by',
                  title: t('conversion.createdBy'),
                  render: (_, v) => `${v.createdBy ?? 'system'} ${dayjs(v.createdAt).format('MM-DD HH:mm')}`,
                },
              ]}
            />
          </Card>
          {current ? (
            <Card size="small" style={{ marginTop: 16 }}>
              <RuleSetSummary ruleSetId={current} />
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={15}>
          {canManage && current ? (
            <Card title={t('conversion.editor')} size="small">
              <Tabs
                items={[
                  { key: 'form', label: t('conversion.form.tab'), children: <RuleForm key={current} ruleSetId={current} /> },
                  { key: 'text', label: t('conversion.form.textTab'), children: <RuleEditor ruleSetId={current} /> },
                ]}
              />
            </Card>
          ) : null}
        </Col>
      </Row>
    </>
  );
}

import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { ConditionExplanationOutput, PathwayEvaluation } from '@changai/contracts';
import { Button, Collapse, Empty, Flex, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePick } from './use-conversion';

const OUTCOME_COLORS = { eligible: 'success', eligible_from: 'warning', not_eligible: 'default' } as const;
const OUTCOME_ORDER = { eligible: 0, eligible_from: 1, not_eligible: 2 } as const;

export function OutcomeTag({ pathway }: { pathway: Pick<PathwayEvaluation, 'outcome' | 'eligibleFrom'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={OUTCOME_COLORS[pathway.outcome]} style={{ marginInlineEnd: 0 }}>
      {t(`conversion.outcome.${pathway.outcome}`, { date: pathway.eligibleFrom })}
    </Tag>
  );
}

function ConditionIcon({ node }: { node: ConditionExplanationOutput }) {
  if (node.met) return <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="met" />;
  if (node.metFrom) return <ClockCircleFilled style={{ color: '#faad14' }} aria-label="later" />;
  return <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label="unmet" />;
}

/** One condition with the worker's own facts; its parts nested below it. */
export function ConditionTree({ node, depth = 0 }: { node: ConditionExplanationOutput; depth?: number }) {
  const pick = usePick();
  return (
    <div style={{ marginInlineStart: depth ? 20 : 0, marginTop: 6 }}>
      <Flex gap={8} align="baseline">
        <ConditionIcon node={node} />
        <div>
          <Typography.Text strong={depth === 0}>{pick(node.requirement)}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {pick(node.facts)}
            </Typography.Text>
          </div>
        </div>
      </Flex>
      {node.children?.map((child, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no ids; their order is the rule's
        <ConditionTree key={i} node={child} depth={depth + 1} />
      ))}
    </div>
  );
}

function PathwayBody({ pathway }: { pathway: PathwayEvaluation }) {
  const { t } = useTranslation();
  const pick = usePick();
  return (
    <Flex vertical gap={8}>
      <Typography.Text>{pick(pathway.summary)}</Typography.Text>
      <ConditionTree node={pathway.condition} />
      {pathway.exceptions.length ? (
        <div>
          <Typography.Text type="secondary">{t('conversion.exceptions')}</Typography.Text>
          {pathway.exceptions.map((e) => (
            <div key={e.id} style={{ marginTop: 4 }}>
              <Typography.Text italic>{pick(e.name)}</Typography.Text>
              <ConditionTree node={e.explanation} />
            </div>
          ))}
        </div>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('conversion.source')}
        {t('common.colon')}
        {pathway.source.title}
        {pathway.source.number ? `（${pathway.source.number}）` : ''} · {t(`conversion.confidence.${pathway.confidence}`)}
        {pathway.note ? ` · ${pick(pathway.note)}` : ''}
      </Typography.Text>
    </Flex>
  );
}

/** Every pathway with its outcome; eligible ones first and open, with an Apply button where allowed. */
export function PathwayList({ pathways, onApply }: { pathways: PathwayEvaluation[]; onApply?: (pathway: PathwayEvaluation) => void }) {
  const { t } = useTranslation();
  const pick = usePick();
  const [onlyRelevant, setOnlyRelevant] = useState(true);
  const shown = [...pathways]
    .filter((p) => !onlyRelevant || p.outcome !== 'not_eligible' || p.application)
    .sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome]);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center">
        <Switch checked={onlyRelevant} onChange={setOnlyRelevant} aria-label={t('conversion.onlyEligible')} size="small" />
        <Typography.Text>{t('conversion.onlyEligible')}</Typography.Text>
      </Flex>
      {shown.length === 0 ? (
        <Empty />
      ) : (
        <Collapse
          defaultActiveKey={shown.filter((p) => p.outcome !== 'not_eligible').map((p) => p.pathwayId)}
          items={shown.map((p) => ({
            key: p.pathwayId,
            label: (
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{pick(p.name)}</Typography.Text>
                <Tag style={{ marginInlineEnd: 0 }}>{t(`conversion.channels.${p.channel}`)}</Tag>
                <OutcomeTag pathway={p} />
                {p.application ? (
                  <Tag color="processing" style={{ marginInlineEnd: 0 }}>
                    {t('conversion.applied', { status: t(`conversion.statuses.${p.application.status as 'submitted'}`) })}
                  </Tag>
                ) : null}
              </Flex>
            ),
            extra:
              onApply && p.outcome === 'eligible' && p.issuesCredential && !p.application ? (
                <Button
                  type="primary"
                  size="small"
                  onClick={(e) => {
                    e.stopPropagation();
                    onApply(p);
                  }}
                >
                  {t('conversion.apply')}
                </Button>
              ) : null,
            children: <PathwayBody pathway={p} />,
          }))}
        />
      )}
    </Flex>
  );
}

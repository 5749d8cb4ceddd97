import type { WorkerSkills } from '@changai/contracts';
import { Alert, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../auth/use-session';
import { labelOf } from '../workers/credential-labels';
import { ACHIEVEMENT_STATUS_COLORS, CarrierStatusTag, yuan } from './skills-tags';
import { useWorkerSkills } from './use-skills';

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  return (
    <section aria-label={title}>
      <Flex align="center" gap={8} style={{ marginBottom: 6 }}>
        <Typography.Text strong>{title}</Typography.Text>
        <Tag style={{ marginInlineEnd: 0 }}>{count}</Tag>
      </Flex>
      {children}
    </section>
  );
}

const Secondary = ({ children }: { children: React.ReactNode }) => (
  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
    {children}
  </Typography.Text>
);

/** 培训与创新: the worker's enrollments and results, the carriers they lead or belong to, their achievements. */
export function WorkerSkillsCard({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const query = useWorkerSkills(workerId);
  const canReadSkills = useCan('skills:read');
  const r: WorkerSkills | undefined = query.data;
  const link = (to: string, text: string) => (canReadSkills ? <Link to={to}>{text}</Link> : <span>{text}</span>);
  return (
    <Card title={t('skills.record.title')} size="small" style={{ marginBottom: 16 }}>
      {query.error ? <Alert type="error" showIcon title={query.error.message} /> : null}
      {!r ? (
        query.error ? null : (
          <Skeleton active />
        )
      ) : !r.enrollments.length && !r.carriers.length && !r.achievements.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('skills.record.empty')} />
      ) : (
        <Flex vertical gap={16}>
          {r.enrollments.length ? (
            <Section title={t('skills.record.trainings')} count={r.enrollments.length}>
              <Flex vertical gap={8}>
                {r.enrollments.map((e) => (
                  <div key={e.id}>
                    <Flex gap={6} align="center" wrap>
                      {link(`/skills/programs/${e.program.id}`, e.program.title)}
                      {e.result ? (
                        <Tag color={e.result === 'passed' ? 'success' : 'error'} style={{ marginInlineEnd: 0 }}>
                          {t(`skills.reviewResults.${e.result}`)}
                          {e.score !== null ? ` ${e.score}` : ''}
                        </Tag>
                      ) : (
                        <Tag style={{ marginInlineEnd: 0 }}>{t(`skills.enrollmentStatuses.${e.status}`)}</Tag>
                      )}
                      {e.credentialId ? (
                        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                          {t('skills.programs.credentialIssued')}
                        </Tag>
                      ) : null}
                    </Flex>
                    <Secondary>
                      {labelOf(t, 'skillLevels', e.program.targetLevel)} · {e.program.providerName} · {e.program.startsOn} ~{' '}
                      {e.program.endsOn}
                      {e.attendancePercent !== null ? ` · ${t('skills.programs.attendance')} ${e.attendancePercent}%` : ''}
                    </Secondary>
                  </div>
                ))}
              </Flex>
            </Section>
          ) : null}
          {r.carriers.length ? (
            <Section title={t('skills.record.carriers')} count={r.carriers.length}>
              <Flex vertical gap={8}>
                {r.carriers.map((c) => (
                  <div key={c.id}>
                    <Flex gap={6} align="center" wrap>
                      {link(`/skills/carriers/${c.id}`, c.name)}
                      <Tag color={c.role === 'leader' ? 'volcano' : undefined} style={{ marginInlineEnd: 0 }}>
                        {t(`skills.carriers.memberRole.${c.role}`)}
                      </Tag>
                      <CarrierStatusTag status={c.status} />
                    </Flex>
                    <Secondary>
                      {c.studioType ? t(`skills.studioTypes.${c.studioType}`) : t(`skills.kinds.${c.kind}`)} ·{' '}
                      {t(`skills.levels.${c.level}`)} · {c.hostName}
                    </Secondary>
                  </div>
                ))}
              </Flex>
            </Section>
          ) : null}
          {r.achievements.length ? (
            <Section title={t('skills.record.achievements')} count={r.achievements.length}>
              <Flex vertical gap={8}>
                {r.achievements.map((a) => (
                  <div key={a.id}>
                    <Flex gap={6} align="center" wrap>
                      {link(`/skills/innovation/${a.id}`, a.title)}
                      <Tag color={ACHIEVEMENT_STATUS_COLORS[a.status]} style={{ marginInlineEnd: 0 }}>
                        {t(`skills.achievementStatuses.${a.status}`)}
                      </Tag>
                      {a.isLead ? (
                        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                          {t('skills.achievement.lead')}
                        </Tag>
                      ) : null}
                    </Flex>
                    <Secondary>
                      {t(`skills.achievementKinds.${a.kind}`)} · {a.submittedOn}
                      {a.benefitYuan !== null ? ` · ${t('skills.record.benefit')} ${yuan(a.benefitYuan)}` : ''}
                      {a.patentNumbers.length ? ` · ${a.patentNumbers.join('、')}` : ''}
                    </Secondary>
                  </div>
                ))}
              </Flex>
            </Section>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}

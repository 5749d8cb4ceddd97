import { SKILL_LEVELS, type SkillLevel, type TitleLevel, type WorkerSummary } from '@changai/contracts';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { labelOf } from './credential-labels';

/** Colour deepens with the level; 高级工 and above (the high-skilled ranks) are warm. */
const SKILL_COLORS = ['default', 'blue', 'geekblue', 'gold', 'orange', 'volcano', 'red', 'magenta'];

export function SkillLevelTag({ level }: { level: SkillLevel }) {
  const { t } = useTranslation();
  return (
    <Tag color={SKILL_COLORS[SKILL_LEVELS.indexOf(level)]} style={{ marginInlineEnd: 0 }}>
      {labelOf(t, 'skillLevels', level)}
    </Tag>
  );
}

export function TitleTag({ level }: { level: TitleLevel }) {
  const { t } = useTranslation();
  return (
    <Tag color="purple" variant="outlined" style={{ marginInlineEnd: 0 }}>
      {labelOf(t, 'titleLevels', level)}
    </Tag>
  );
}

export function HighSkilledTag({ short = false }: { short?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color="red" variant="solid" style={{ marginInlineEnd: 0 }}>
      {short ? t('workers.highSkilledColumn') : t('profile.highSkilled')}
    </Tag>
  );
}

const STATUS_COLORS: Record<WorkerSummary['status'], string> = { employed: 'success', left: 'default', retired: 'warning' };

export function WorkerStatusTag({ status }: { status: WorkerSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {labelOf(t, 'workerStatuses', status)}
    </Tag>
  );
}

/** An empty cell or field. */
export function NoValue() {
  const { t } = useTranslation();
  return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
}

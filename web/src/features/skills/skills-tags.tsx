import type { CarrierKind, CarrierLevel, CarrierStatus } from '@changai/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<CarrierStatus, string> = {
  applied: 'processing',
  rejected: 'default',
  recognised: 'success',
  review_passed: 'green',
  review_failed: 'warning',
  revoked: 'error',
};
const LEVEL_COLORS: Record<CarrierLevel, string> = {
  national: 'red',
  provincial: 'volcano',
  city: 'gold',
  county: 'cyan',
  enterprise: 'blue',
};

export function CarrierStatusTag({ status }: { status: CarrierStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`skills.statuses.${status}`)}</Tag>;
}

export function CarrierLevelTag({ level }: { level: CarrierLevel }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLORS[level]} variant="filled">
      {t(`skills.levels.${level}`)}
    </Tag>
  );
}

export function CarrierKindText({ kind }: { kind: CarrierKind }) {
  const { t } = useTranslation();
  return <>{t(`skills.kinds.${kind}`)}</>;
}

/** Money to the yuan, grouped the Chinese way by the locale's own digits. */
export const yuan = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toLocaleString());

export const ACHIEVEMENT_STATUS_COLORS = { submitted: 'processing', evaluated: 'gold', adopted: 'success', rejected: 'default' } as const;

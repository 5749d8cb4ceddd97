import { EyeOutlined } from '@ant-design/icons';
import type { WorkerDetail } from '@changai/contracts';
import { Button, Descriptions, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useCan } from '../auth/use-session';
import { labelOf } from './credential-labels';
import { useRevealIdentity } from './use-workers';

const tabular = { fontVariantNumeric: 'tabular-nums' } as const;

/** Identity as stored: masked, with one audited "show" for those allowed to see personal data. */
export function IdentityDescriptions({ worker }: { worker: WorkerDetail }) {
  const { t } = useTranslation();
  const canUnmask = useCan('personal_data:unmask');
  const reveal = useRevealIdentity();
  const onError = useApiErrorHandler();
  const [full, setFull] = useState<{ idNumber: string; phone: string | null } | null>(null);
  const revealButton =
    canUnmask && !full ? (
      <Tooltip title={t('profile.revealTitle')}>
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          loading={reveal.isPending}
          onClick={() => reveal.mutate(worker.id, { onSuccess: setFull, onError })}
        >
          {t('profile.reveal')}
        </Button>
      </Tooltip>
    ) : null;
  const phone = full ? full.phone : worker.phone;

  return (
    <Descriptions
      size="small"
      column={1}
      title={t('profile.identity')}
      extra={revealButton}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        { key: 'gender', label: t('workers.gender'), children: labelOf(t, 'genders', worker.gender) },
        { key: 'birthDate', label: t('workers.birthDate'), children: worker.birthDate },
        {
          key: 'idNumber',
          label: t('workers.idNumber'),
          children: (
            <Typography.Text style={tabular} copyable={full ? { text: full.idNumber } : false}>
              {full?.idNumber ?? worker.idNumber}
            </Typography.Text>
          ),
        },
        {
          key: 'phone',
          label: t('workers.phone'),
          children: phone ? (
            <Typography.Text style={tabular} copyable={full?.phone ? { text: full.phone } : false}>
              {phone}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('workers.notOnFile')}</Typography.Text>
          ),
        },
      ]}
    />
  );
}

import { EyeOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/use-api-error';
import { useCan } from '../features/auth/use-session';
import { useRevealPhone } from '../features/network/use-network';

/** A masked phone; actors allowed to see personal data can reveal it (the reveal is audited). */
export function MaskedPhone({ contactId, phone }: { contactId: string; phone: string | null }) {
  const { t } = useTranslation();
  const canUnmask = useCan('personal_data:unmask');
  const reveal = useRevealPhone();
  const onError = useApiErrorHandler();
  const [full, setFull] = useState<string | null>(null);
  if (!phone) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Flex align="center" gap={4}>
      <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }} copyable={full ? { text: full } : false}>
        {full ?? phone}
      </Typography.Text>
      {canUnmask && !full ? (
        <Tooltip title={t('network.revealTitle')}>
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            loading={reveal.isPending}
            onClick={() => reveal.mutate(contactId, { onSuccess: (r) => setFull(r.phone), onError })}
          >
            {t('network.reveal')}
          </Button>
        </Tooltip>
      ) : null}
    </Flex>
  );
}

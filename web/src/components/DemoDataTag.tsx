import { ExperimentOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatScale, useHealth } from '../app/use-health';

/** A quiet header mark when the server runs on generated demo data; nothing otherwise. */
export function DemoDataTag() {
  const { t, i18n } = useTranslation();
  const health = useHealth();
  const demo = health.data?.demo;
  if (!demo) return null;
  const percent = formatScale(demo.scale, i18n.language);
  return (
    <Tooltip title={t('header.demoHint', { percent })}>
      <Tag color="orange" icon={<ExperimentOutlined />} style={{ marginInlineEnd: 8 }}>
        {t('header.demoData')} · {t('header.demoScale', { percent })}
      </Tag>
    </Tooltip>
  );
}

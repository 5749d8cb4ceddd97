import { GlobalOutlined } from '@ant-design/icons';
import { LOCALES, type Locale } from '@changai/contracts';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale, setLocale } from '../app/i18n';

/** The language menu; the choice is remembered in this browser. */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: t(`language.${l}`), lang: l })),
        onClick: ({ key }) => void setLocale(key as Locale),
      }}
    >
      <Button type={type} icon={<GlobalOutlined />} aria-label={t('language.switch')}>
        {t(`language.${locale}`)}
      </Button>
    </Dropdown>
  );
}

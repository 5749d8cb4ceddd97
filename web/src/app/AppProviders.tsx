import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

export const BRAND_RED = '#b91c1c';

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 4,
    fontFamily: FONT_FAMILY,
    colorBgLayout: '#f0f2f5',
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px', siderBg: '#0f2340', triggerBg: '#0b1a30' },
    Menu: { darkItemBg: '#0f2340', darkSubMenuItemBg: '#0b1a30', darkItemSelectedBg: '#1d4f91' },
    Table: { headerBg: '#f5f7fa', cellPaddingBlockSM: 6 },
    Card: { headerFontSize: 15 },
    Tree: { nodeSelectedBg: '#dbe7f7', nodeHoverBg: '#f0f5fc' },
  },
};

/** Theme and language for every antd component, following the i18next language. */
export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en-US' ? enUS : zhCN;
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

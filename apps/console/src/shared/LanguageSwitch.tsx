import { SegmentedControl } from '@mantine/core';
import { common } from '../i18n/common.js';
import { useLanguage, useTexts, type Language } from '../i18n/i18n.js';

/** ES / EN, on every screen including sign-in; kept for the tab. */
export function LanguageSwitch() {
  const t = useTexts(common);
  const { language, setLanguage } = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t.language}
      value={language}
      onChange={(value) => setLanguage(value as Language)}
      data={[
        { value: 'es', label: 'ES' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * WCAG 2.1 AA: the default shade 6 blue under white text is 3.6:1, so buttons use shade 8 (4.9:1 and more), and
 * "dimmed" text is gray 7 (7:1) instead of gray 6. Focus rings show for keyboard users (focusRing 'auto').
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 4 },
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  defaultRadius: 'sm',
  components: {
    Badge: { defaultProps: { variant: 'light' } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7], '--mantine-color-placeholder': t.colors.gray[6] },
  dark: {},
});

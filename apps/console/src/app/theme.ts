import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * WCAG 2.1 AA: the default shade 6 blue under white text is 3.6:1, so buttons use shade 8 (4.9:1 and more), and
 * "dimmed" text is gray 7 (7:1) instead of gray 6. The error red and the text of every "light" badge and alert
 * (shade 6 on its own tint, under 4.5:1) use shade 9. Focus rings show for keyboard users (focusRing 'auto').
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

const LIGHT_TEXTS = ['red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'gray', 'dark'];
// Shade 9 of these is still under 4.5:1 on white: darker values, checked with axe.
const DARKER_TEXTS: Record<string, string> = { green: '#1f6f32', lime: '#4a6b00', yellow: '#7a4a00', orange: '#9a3c0c' };

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[6],
    '--mantine-color-error': t.colors.red[9],
    ...Object.fromEntries(LIGHT_TEXTS.map((color) => [`--mantine-color-${color}-light-color`, t.colors[color][9]])),
    ...Object.fromEntries(Object.entries(DARKER_TEXTS).map(([color, value]) => [`--mantine-color-${color}-light-color`, value])),
  },
  dark: {},
});

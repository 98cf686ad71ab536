import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Contrast (WCAG AA, 4.5:1 for text): secondary ("dimmed") text is darker than Mantine's gray-6 (3.3:1 on white);
 * links, filled buttons and badges use shade 8 (blue-8 on white is 5.0:1, shade 6 was 3.6:1), and a filled colour
 * too light for white text gets dark text (autoContrast). Checked by axe in apps/web/e2e/accessibility.e2e.test.ts.
 */
/** Coloured text (`c="green"`, light badges and alerts): each colour's shade 9, darkened until it reads at 4.5:1 on its light background. */
const READABLE_TEXT: Record<string, string> = {
  blue: '#165a9a',
  red: '#ad2424',
  green: '#237133',
  teal: '#077050',
  orange: '#a9380c',
  yellow: '#a15300',
  lime: '#48730a',
  cyan: '#0a697a',
  indigo: '#3249b7',
  violet: '#5939b8',
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    // A field's error text (and its red border): Mantine's red-6 reads at 3.3:1 on white (axe, the requests settings' errors).
    '--mantine-color-error': READABLE_TEXT.red!,
    ...Object.fromEntries(
      Object.entries(READABLE_TEXT).flatMap(([color, hex]) => [
        [`--mantine-color-${color}-light-color`, hex],
        [`--mantine-color-${color}-text`, hex],
      ]),
    ),
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  // Above this luminance a filled colour takes dark text: at 0.185 white and dark text both reach 4.5:1 (red-8 keeps white).
  luminanceThreshold: 0.185,
  defaultRadius: 'md',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Modal: { defaultProps: { radius: 'md', closeButtonProps: { 'aria-label': 'Close' } } },
    // Toasts: the close button is named, and the message reads at full contrast on the toast's white.
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    },
    // A badge keeps its whole label: it does not shrink beside other content ("Op…" on a phone); a label longer than its place wraps.
    Badge: {
      styles: {
        root: { flexShrink: 0, maxWidth: '100%', height: 'auto', minHeight: 'var(--badge-height)' },
        label: { whiteSpace: 'normal', overflow: 'visible', overflowWrap: 'break-word' },
      },
    },
  },
});

import type { ColorScheme } from './useColorScheme';

/**
 * Series colours from the Okabe-Ito palette, chosen to stay distinct for
 * the common colour-vision deficiencies and on light and dark backgrounds
 * (its yellow is left out: it vanishes on white).
 */
export const SERIES_COLORS = {
  blue: '#0072b2',
  orange: '#e69f00',
  green: '#009e73',
  vermillion: '#d55e00',
  sky: '#56b4e9',
  purple: '#cc79a7',
} as const;

/** Axis and grid colours of the chart canvases, per scheme (CSS cannot reach a canvas). */
export const CHART_CHROME: Record<ColorScheme, { readonly axis: string; readonly grid: string }> = {
  dark: { axis: '#8b98a9', grid: '#253041' },
  light: { axis: '#57606a', grid: '#d8dee4' },
};

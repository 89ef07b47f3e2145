/**
 * Chart colours per theme. Chart options take a palette instead of reading CSS, so they stay pure
 * functions of their data; the colours match the CSS custom properties in app/styles.css.
 */
export type ThemeName = 'light' | 'dark';

export interface ChartPalette {
  text: string;
  muted: string;
  axisLine: string;
  splitLine: string;
  tooltipBackground: string;
  tooltipBorder: string;
  /** Series colours, in the order charts use them. */
  volume: string;
  rate: string;
  sentiment: string;
}

export const PALETTES: Record<ThemeName, ChartPalette> = {
  light: {
    text: '#111827',
    muted: '#4b5563',
    axisLine: '#d1d5db',
    splitLine: '#eceef3',
    tooltipBackground: '#ffffff',
    tooltipBorder: '#d1d5db',
    volume: '#a5b4fc',
    rate: '#0f766e',
    sentiment: '#c2410c',
  },
  dark: {
    text: '#e5e7eb',
    muted: '#9ca3af',
    axisLine: '#374151',
    splitLine: '#1f2937',
    tooltipBackground: '#111827',
    tooltipBorder: '#374151',
    volume: '#4f46e5',
    rate: '#2dd4bf',
    sentiment: '#fb923c',
  },
};

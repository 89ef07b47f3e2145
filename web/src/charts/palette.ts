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
  positive: string;
  neutral: string;
  negative: string;
  /** Categorical series (channels, brands, segments, experiences), in order. */
  series: readonly string[];
  /** Heatmap ramp from fast (low) to slow (high). */
  ramp: readonly string[];
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
    positive: '#059669',
    neutral: '#9ca3af',
    negative: '#dc2626',
    series: ['#4f46e5', '#0f766e', '#c2410c', '#7c3aed', '#0369a1', '#b45309', '#be185d', '#4d7c0f'],
    ramp: ['#ecfdf5', '#a7f3d0', '#fcd34d', '#f97316', '#b91c1c'],
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
    positive: '#34d399',
    neutral: '#6b7280',
    negative: '#f87171',
    series: ['#818cf8', '#2dd4bf', '#fb923c', '#c084fc', '#38bdf8', '#fbbf24', '#f472b6', '#a3e635'],
    ramp: ['#064e3b', '#047857', '#ca8a04', '#ea580c', '#dc2626'],
  },
};

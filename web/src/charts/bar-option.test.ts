import { describe, expect, it } from '@jest/globals';
import { toBarOption } from './bar-option';
import { escapeHtml } from './options';
import { PALETTES } from './palette';

const bars = [
  { key: 'twitter', label: 'Twitter / X', value: -12.5, detail: '1,204 messages' },
  { key: 'email', label: 'Email', value: 30 },
  { key: 'line', label: 'LINE', value: null },
];

function onlySeries(option: ReturnType<typeof toBarOption>) {
  const list = Array.isArray(option.series) ? option.series : [option.series];
  const [first] = list;
  if (!first) throw new Error('no series');
  return first as { data: { value: number | null; itemStyle: { color: string } }[] };
}

describe('toBarOption', () => {
  const format = (v: number | null) => (v === null ? '—' : `${v}`);

  it('keeps the given order and leaves a group without a value empty', () => {
    const option = toBarOption(bars, PALETTES.light, { seriesName: 'Net sentiment', format });
    expect(onlySeries(option).data.map((d) => d.value)).toEqual([-12.5, 30, null]);
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['Twitter / X', 'Email', 'LINE'] });
  });

  it('colours by sign when asked, and lays out horizontally with the first group on top', () => {
    const option = toBarOption(bars, PALETTES.dark, { seriesName: 'Net', format, signed: true, horizontal: true });
    expect(onlySeries(option).data.map((d) => d.itemStyle.color)).toEqual([
      PALETTES.dark.negative,
      PALETTES.dark.positive,
      PALETTES.dark.positive,
    ]);
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true });
  });

  it('formats the tooltip with the figure and its detail', () => {
    const option = toBarOption(bars, PALETTES.light, { seriesName: 'Net sentiment', format });
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    const html = tooltip.formatter({ dataIndex: 0 });
    expect(html).toContain('Twitter / X');
    expect(html).toContain('<strong>-12.5</strong>');
    expect(html).toContain('1,204 messages');
  });

  it('never lets data become HTML', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&#60;img src=x onerror=alert(1)&#62;');
  });
});

import { describe, expect, it } from '@jest/globals';
import { PALETTES } from '../charts/palette';
import type { SentimentFigures } from './graphql/sentiment.query';
import {
  toNegativeReachOption,
  toSentimentTrendOption,
  toShareOfVoiceOption,
  toWordCloudOption,
  trendLabel,
} from './sentiment-options';

const point = (key: string, positive: number, neutral: number, negative: number): SentimentFigures => ({
  key,
  inbound: positive + neutral + negative,
  positive,
  neutral,
  negative,
  unscored: 0,
  positiveShare: null,
  negativeShare: null,
  netSentiment: positive + negative === 0 ? null : ((positive - negative) / (positive + negative)) * 100,
  average: null,
});

type AnySeries = { type: string; name: string; stack?: string; data: unknown[] };
const seriesOf = (option: { series?: unknown }) => option.series as AnySeries[];

describe('toSentimentTrendOption', () => {
  const trend = [point('2026-11-02', 30, 10, 10), point('2026-11-03', 0, 4, 0)];
  const option = toSentimentTrendOption(trend, 'DAY', PALETTES.light);

  it('stacks the classes and draws net sentiment as a line with gaps', () => {
    expect(seriesOf(option).map((s) => [s.type, s.name, s.stack ?? null])).toEqual([
      ['bar', 'Positive', 'messages'],
      ['bar', 'Neutral', 'messages'],
      ['bar', 'Negative', 'messages'],
      ['line', 'Net sentiment', null],
    ]);
    expect(seriesOf(option)[3]?.data).toEqual([50, null]);
    expect(seriesOf(option)[2]?.data).toEqual([10, 0]);
  });

  it('labels days and weeks in UTC', () => {
    expect(option.xAxis).toMatchObject({ data: ['Nov 2', 'Nov 3'] });
    expect(trendLabel('2026-11-02', 'WEEK')).toBe('Week of Nov 2');
  });
});

describe('toShareOfVoiceOption', () => {
  it('puts each brand with its share on a row, mentions stacked by class', () => {
    const option = toShareOfVoiceOption(
      [
        {
          brand: 'a',
          name: 'Acme',
          isOwn: true,
          mentions: 60,
          positive: 30,
          neutral: 20,
          negative: 10,
          share: 0.6,
          netSentiment: 50,
        },
        {
          brand: 'b',
          name: 'Rival',
          isOwn: false,
          mentions: 40,
          positive: 5,
          neutral: 5,
          negative: 30,
          share: 0.4,
          netSentiment: -71.4,
        },
      ],
      PALETTES.light,
    );
    expect(option.yAxis).toMatchObject({ data: ['Acme · 60%', 'Rival · 40%'], inverse: true });
    expect(seriesOf(option).map((s) => s.data)).toEqual([
      [30, 5],
      [20, 5],
      [10, 30],
    ]);
  });
});

describe('toNegativeReachOption', () => {
  it('shows answered, pending and missed reach in that order, missed in the negative colour', () => {
    const option = toNegativeReachOption({ answered: 1200, pending: 0, missed: 250_000 }, PALETTES.dark);
    const [bars] = seriesOf(option);
    expect(bars?.data).toEqual([
      { value: 1200, itemStyle: { color: PALETTES.dark.positive, borderRadius: [0, 3, 3, 0] } },
      { value: 0, itemStyle: { color: PALETTES.dark.neutral, borderRadius: [0, 3, 3, 0] } },
      { value: 250_000, itemStyle: { color: PALETTES.dark.negative, borderRadius: [0, 3, 3, 0] } },
    ]);
  });
});

describe('toWordCloudOption', () => {
  it('sizes terms by messages and colours them by the class asked for', () => {
    const option = toWordCloudOption(
      [
        { term: 'refund', messages: 40 },
        { term: 'late', messages: 12 },
      ],
      'negative',
      PALETTES.light,
    );
    expect(option.series[0]?.data).toEqual([
      { name: 'refund', value: 40, textStyle: { color: PALETTES.light.negative } },
      { name: 'late', value: 12, textStyle: { color: PALETTES.light.negative } },
    ]);
  });
});

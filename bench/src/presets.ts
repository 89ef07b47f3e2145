/** Sizes of one benchmark run (issue 7): the demo workspace plus the standalone benches it calls. */
export interface Preset {
  name: PresetName;
  /** Demo customers: about 10 interactions and 6 transactions each (pipelines/src/demo/README.md). */
  customers: number;
  /** Rows of the generic-CSV load bench (bench/src/ingest), pre-scored and scored during the load. */
  loadRows: number;
  scoredLoadRows: number;
  /** Texts of the sentiment bench and its rounds. */
  sentimentTexts: number;
  sentimentRounds: number;
  /** Customers of the CLV fit bench, and whether it also times the naive fit (its baseline). */
  clvCustomers: number;
  clvNaive: boolean;
  /** Timed requests per operation and filter period, cold and warm. */
  repeats: number;
  /** Browser runs of the dashboard bench (bench/src/web) on its own demo workspace of `customers`. */
  webRuns: number;
}

export const PRESET_NAMES = ['small', 'medium', 'large'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export const PRESETS: Record<PresetName, Preset> = {
  // CI runs this one after the tests: it proves every step works, the figures mean little.
  small: {
    name: 'small',
    customers: 5_000,
    loadRows: 100_000,
    scoredLoadRows: 20_000,
    sentimentTexts: 10_000,
    sentimentRounds: 1,
    clvCustomers: 20_000,
    clvNaive: true,
    repeats: 1,
    webRuns: 2,
  },
  // 1 M interactions.
  medium: {
    name: 'medium',
    customers: 100_000,
    loadRows: 1_000_000,
    scoredLoadRows: 200_000,
    sentimentTexts: 60_000,
    sentimentRounds: 3,
    clvCustomers: 1_000_000,
    clvNaive: false,
    repeats: 2,
    webRuns: 5,
  },
  // 10 M interactions / 1 M customers (the demo's 6 purchases a customer give 6 M transactions, not 3 M).
  large: {
    name: 'large',
    customers: 1_000_000,
    loadRows: 10_000_000,
    scoredLoadRows: 1_000_000,
    sentimentTexts: 60_000,
    sentimentRounds: 3,
    clvCustomers: 1_000_000,
    clvNaive: false,
    repeats: 5,
    webRuns: 5,
  },
};

export function isPresetName(value: string): value is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(value);
}

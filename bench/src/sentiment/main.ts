import {
  closeSentimentPool,
  compareScorers,
  generateSentimentCorpus,
  loadReferenceScorer,
  scoreBatch,
  scoreText,
  SENTIMENT_EDGE_CASES,
  SentimentPool,
  vaderCompound,
} from '@resonance/pipelines';

// Sentiment scorer benchmark: the same corpus through the vader-sentiment package (the baseline,
// measured in this run) and through our port, on one thread; then scoreText (language detection
// + scoring) and the worker pool as loads use it. Prints a table and one JSON line.
//
//   npx tsc -b && node bench/dist/sentiment/main.js [--texts 60000] [--seed 1] [--rounds 3]

interface Options {
  texts: number;
  seed: number;
  rounds: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { texts: 60_000, seed: 1, rounds: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    const value = Number(argv[i + 1]);
    if (!(name in options) || !Number.isInteger(value) || value < 1) {
      throw new Error(
        `usage: node bench/dist/sentiment/main.js [--texts N>=1] [--seed N] [--rounds N] (bad: ${argv[i]} ${argv[i + 1] ?? ''})`,
      );
    }
    options[name as keyof Options] = value;
  }
  return options;
}

interface Rate {
  /** Texts per second of elapsed time. */
  wall: number;
  /** Texts per second of this process's CPU time: steadier when others share the machine. */
  cpu: number;
}

/** Rates of one pass of `score` over every text (the sum keeps the work observable). */
function measure(texts: readonly string[], score: (text: string) => unknown): Rate {
  let sink = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (const text of texts) {
    const result = score(text);
    sink += typeof result === 'number' ? result : 1;
  }
  const rate = rates(texts.length, started, cpu);
  if (Number.isNaN(sink)) throw new Error('a scorer returned NaN');
  return rate;
}

function rates(count: number, started: bigint, cpu: NodeJS.CpuUsage): Rate {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { wall: count / seconds, cpu: count / ((used.user + used.system) / 1e6) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function medianRate(values: Rate[]): Rate {
  return { wall: median(values.map((rate) => rate.wall)), cpu: median(values.map((rate) => rate.cpu)) };
}

/** The pool as a load uses it, one batch after another; CPU time includes the worker's. */
async function measurePool(texts: readonly string[], batchSize: number): Promise<Rate> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let offset = 0; offset < texts.length; offset += batchSize) {
    await scoreBatch(texts.slice(offset, offset + batchSize));
  }
  return rates(texts.length, started, cpu);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const corpus = [...SENTIMENT_EDGE_CASES, ...generateSentimentCorpus(options.texts, options.seed)];
  const characters = corpus.reduce((sum, text) => sum + text.length, 0);
  const reference = loadReferenceScorer();

  // Warm both up on texts outside the corpus so the JIT has compiled them before timing.
  const warmUp = generateSentimentCorpus(3_000, options.seed + 1000);
  measure(warmUp, reference);
  for (let round = 0; round < 3; round++) measure(warmUp, vaderCompound);

  const referenceRate = measure(corpus, reference);
  const portRates: Rate[] = [];
  const scoreTextRates: Rate[] = [];
  for (let round = 0; round < options.rounds; round++) {
    portRates.push(measure(corpus, vaderCompound));
    scoreTextRates.push(measure(corpus, scoreText));
  }
  const comparison = compareScorers(corpus, reference, vaderCompound);

  const workers = new SentimentPool().size;
  await measurePool(warmUp, 1_000);
  const poolRates: Rate[] = [];
  for (let round = 0; round < options.rounds; round++) poolRates.push(await measurePool(corpus, 20_000));
  await closeSentimentPool();

  const port = medianRate(portRates);
  const pool = medianRate(poolRates);
  const text = medianRate(scoreTextRates);
  const result = {
    benchmark: 'sentiment',
    texts: corpus.length,
    meanCharacters: Math.round((characters / corpus.length) * 10) / 10,
    referenceTextsPerSecond: Math.round(referenceRate.wall),
    portTextsPerSecond: Math.round(port.wall),
    ratio: Math.round((port.wall / referenceRate.wall) * 10) / 10,
    ratioCpu: Math.round((port.cpu / referenceRate.cpu) * 10) / 10,
    maxDifference: comparison.maxDifference,
    mismatches: comparison.mismatchCount,
    scoreTextTextsPerSecond: Math.round(text.wall),
    poolWorkers: workers,
    poolTextsPerSecond: Math.round(pool.wall),
    cpuTextsPerSecond: {
      reference: Math.round(referenceRate.cpu),
      port: Math.round(port.cpu),
      scoreText: Math.round(text.cpu),
      pool: Math.round(pool.cpu),
    },
    rounds: options.rounds,
    node: process.version,
  };

  const perSecond = (rate: number) => `${Math.round(rate).toLocaleString('en')} texts/s`;
  const rows: Array<[string, string, string]> = [
    ['', 'elapsed time', 'CPU time'],
    ['corpus', `${result.texts} texts (seed ${options.seed}), ${result.meanCharacters} chars mean`, ''],
    ['vader-sentiment (baseline)', perSecond(referenceRate.wall), perSecond(referenceRate.cpu)],
    ['vaderCompound (port), 1 thread', perSecond(port.wall), perSecond(port.cpu)],
    ['ratio port / baseline', `${result.ratio}x`, `${result.ratioCpu}x`],
    ['max |difference|', `${result.maxDifference} (${result.mismatches} texts >= 1e-6)`, ''],
    ['scoreText (language + score)', perSecond(text.wall), perSecond(text.cpu)],
    [`scoreBatch pool (${workers} worker${workers === 1 ? '' : 's'})`, perSecond(pool.wall), perSecond(pool.cpu)],
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    );
  console.log(JSON.stringify(result));
  if (comparison.mismatchCount > 0) {
    console.error('mismatches:', JSON.stringify(comparison.mismatches.slice(0, 5)));
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

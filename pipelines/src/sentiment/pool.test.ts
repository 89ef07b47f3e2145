import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { transformSync } from '@swc/core';
import { SentimentPool } from './pool';
import { scoreText } from './score-text';
import { generateSentimentCorpus } from './testing/corpus';

const run = promisify(execFile);

describe('SentimentPool', () => {
  const pool = new SentimentPool({ workers: 2, chunkSize: 700 });
  afterAll(() => pool.close());

  it('scores a large batch on worker threads exactly as scoreText, in order', async () => {
    const texts = [...generateSentimentCorpus(6_000, 11), 'Mi pedido no ha llegado', '', ':('];
    const results = await pool.scoreBatch(texts);
    expect(results).toEqual(texts.map(scoreText));
  });

  it('keeps concurrent batches apart', async () => {
    const first = generateSentimentCorpus(4_000, 12);
    const second = generateSentimentCorpus(3_000, 13);
    const [a, b] = await Promise.all([pool.scoreBatch(first), pool.scoreBatch(second)]);
    expect(a).toEqual(first.map(scoreText));
    expect(b).toEqual(second.map(scoreText));
  });

  it('scores small batches on the calling thread', async () => {
    const small = new SentimentPool({ minParallelBatch: 100 });
    const texts = ['great!', 'awful', 'Gracias por nada'];
    // No worker is ever started for them, so nothing needs closing for this pool.
    await expect(small.scoreBatch(texts)).resolves.toEqual(texts.map(scoreText));
    await expect(small.scoreBatch([])).resolves.toEqual([]);
  });

  it('rejects a batch with a text that is not a string, with the index', async () => {
    const texts = ['fine', null] as unknown as string[];
    await expect(pool.scoreBatch(texts)).rejects.toThrow('scoreBatch: text 1 is null, not a string');
  });

  it('rejects running and later batches once closed', async () => {
    const closing = new SentimentPool({ workers: 1, chunkSize: 100 });
    const running = expect(closing.scoreBatch(generateSentimentCorpus(5_000, 14))).rejects.toThrow('closed');
    await closing.close();
    await running;
    await expect(closing.scoreBatch(['good'])).rejects.toThrow('SentimentPool is closed');
  });
});

describe('a script using scoreBatch', () => {
  const script = (entry: string) => `
    const { scoreBatch, generateSentimentCorpus } = require(${JSON.stringify(entry)});
    const texts = generateSentimentCorpus(5000, 3);
    scoreBatch(texts).then((results) => {
      process.stdout.write(String(results.filter((r) => r.sentiment !== null).length) + '/' + results.length);
    });
  `;
  const expected = () => {
    const texts = generateSentimentCorpus(5000, 3);
    return `${texts.map(scoreText).filter((r) => r.sentiment !== null).length}/5000`;
  };

  it('exits by itself without closing the pool (TypeScript sources, as under jest)', async () => {
    const register = `
      const { transformSync } = require('@swc/core');
      require.extensions['.ts'] = (module, filename) => {
        const source = require('node:fs').readFileSync(filename, 'utf8');
        const { code } = transformSync(source, { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
        module._compile(code, filename);
      };`;
    const { stdout } = await run(process.execPath, ['-e', register + script(join(__dirname, 'index.ts'))], {
      cwd: join(__dirname, '..', '..', '..'),
      timeout: 60_000,
    });
    expect(stdout).toBe(expected());
  });

  it('exits by itself without closing the pool (compiled JavaScript, as from dist)', async () => {
    // The sources compiled to JavaScript in a scratch directory: the pool then starts worker.js.
    const out = mkdtempSync(join(tmpdir(), 'sentiment-js-'));
    try {
      for (const dir of ['', 'testing']) {
        mkdirSync(join(out, dir), { recursive: true });
        for (const file of readdirSync(join(__dirname, dir))) {
          if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
          const filename = join(__dirname, dir, file);
          const { code } = transformSync(readFileSync(filename, 'utf8'), {
            filename,
            jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
            module: { type: 'commonjs' },
          });
          writeFileSync(join(out, dir, file.replace(/\.ts$/, '.js')), code);
        }
      }
      const { stdout } = await run(process.execPath, ['-e', script(join(out, 'index.js'))], { timeout: 60_000 });
      expect(stdout).toBe(expected());
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

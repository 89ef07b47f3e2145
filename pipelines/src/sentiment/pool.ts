import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { scoreText, type ScoredText } from './score-text';

/** A chunk of texts sent to a worker. */
export interface ChunkRequest {
  id: number;
  texts: string[];
}

/** A worker's answer: scores (NaN = unscored) and languages, or what went wrong. */
export type ChunkResponse = { id: number; sentiments: Float64Array; langs: string[] } | { id: number; error: string };

export interface SentimentPoolOptions {
  /** Worker threads; default os.cpus().length - 1, at least 1. */
  workers?: number;
  /** Batches smaller than this are scored on the calling thread: a round trip costs more. */
  minParallelBatch?: number;
  /** Texts per message to a worker; several chunks keep every worker busy to the end. */
  chunkSize?: number;
}

interface Chunk {
  id: number;
  texts: string[];
  offset: number;
  batch: Batch;
}

interface Batch {
  results: ScoredText[];
  remaining: number;
  failed: boolean;
  resolve: (results: ScoredText[]) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  chunk: Chunk | undefined;
}

// Under jest the sources are TypeScript, which a worker thread cannot load: the worker then
// compiles them on the fly with SWC (a development dependency, as jest is). From dist it runs the
// compiled worker.js directly.
const TYPESCRIPT_WORKER = `
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { workerData } = require('node:worker_threads');
const { transformSync } = createRequire(workerData.entry)('@swc/core');
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(workerData.entry);
`;

function startWorker(): Worker {
  if (__filename.endsWith('.ts')) {
    return new Worker(TYPESCRIPT_WORKER, { eval: true, workerData: { entry: join(__dirname, 'worker.ts') } });
  }
  return new Worker(join(__dirname, 'worker.js'));
}

/**
 * Scores batches of texts on worker threads. Idle workers do not keep the process alive, so a
 * script that never calls close() still exits; close() ends them at once.
 */
export class SentimentPool {
  readonly size: number;
  private readonly minParallelBatch: number;
  private readonly chunkSize: number;
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Chunk[] = [];
  private nextChunkId = 0;
  private closed = false;

  constructor(options: SentimentPoolOptions = {}) {
    this.size = atLeastOne(options.workers ?? cpus().length - 1);
    this.minParallelBatch = options.minParallelBatch ?? 2_000;
    this.chunkSize = atLeastOne(options.chunkSize ?? 1_000);
  }

  /** Language and sentiment of each text, in order (see scoreText). */
  scoreBatch(texts: readonly string[]): Promise<ScoredText[]> {
    if (this.closed) return Promise.reject(new Error('SentimentPool is closed'));
    for (let i = 0; i < texts.length; i++) {
      if (typeof texts[i] !== 'string') {
        return Promise.reject(
          new TypeError(`scoreBatch: text ${i} is ${texts[i] === null ? 'null' : typeof texts[i]}, not a string`),
        );
      }
    }
    if (texts.length < this.minParallelBatch) return Promise.resolve(texts.map(scoreText));

    return new Promise<ScoredText[]>((resolve, reject) => {
      const batch: Batch = {
        results: new Array<ScoredText>(texts.length),
        remaining: 0,
        failed: false,
        resolve,
        reject,
      };
      for (let offset = 0; offset < texts.length; offset += this.chunkSize) {
        batch.remaining++;
        const chunkTexts = texts.slice(offset, offset + this.chunkSize);
        this.queue.push({ id: this.nextChunkId++, texts: chunkTexts, offset, batch });
      }
      this.dispatch();
    });
  }

  /** Ends every worker; batches still running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('SentimentPool was closed before the batch was scored');
    for (const chunk of this.queue.splice(0)) this.fail(chunk.batch, error);
    const workers = this.workers.splice(0);
    for (const { chunk } of workers) if (chunk !== undefined) this.fail(chunk.batch, error);
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let idle = this.workers.find((candidate) => candidate.chunk === undefined);
      if (idle === undefined && this.workers.length < this.size) idle = this.spawn();
      if (idle === undefined) return;
      const chunk = this.queue.shift() as Chunk;
      if (chunk.batch.failed) continue;
      idle.chunk = chunk;
      // A busy worker keeps the process alive until its answer arrives; an idle one does not.
      idle.worker.ref();
      const request: ChunkRequest = { id: chunk.id, texts: chunk.texts };
      idle.worker.postMessage(request);
    }
  }

  private spawn(): PoolWorker {
    const entry: PoolWorker = { worker: startWorker(), chunk: undefined };
    entry.worker.unref();
    entry.worker.on('message', (response: ChunkResponse) => this.receive(entry, response));
    entry.worker.on('error', (error) => this.lose(entry, error));
    entry.worker.on('exit', (code) => this.lose(entry, new Error(`sentiment worker exited with code ${code}`)));
    this.workers.push(entry);
    return entry;
  }

  private receive(entry: PoolWorker, response: ChunkResponse): void {
    const chunk = entry.chunk;
    entry.chunk = undefined;
    entry.worker.unref();
    if (chunk !== undefined && chunk.id === response.id) {
      if ('error' in response) {
        this.fail(chunk.batch, new Error(`sentiment worker failed: ${response.error}`));
      } else if (!chunk.batch.failed) {
        const { results } = chunk.batch;
        for (let i = 0; i < response.langs.length; i++) {
          const sentiment = response.sentiments[i];
          results[chunk.offset + i] = {
            sentiment: Number.isNaN(sentiment) ? null : sentiment,
            lang: response.langs[i],
          };
        }
        if (--chunk.batch.remaining === 0) chunk.batch.resolve(results);
      }
    }
    this.dispatch();
  }

  /** A worker crashed or exited: its chunk's batch fails, and a new worker replaces it on demand. */
  private lose(entry: PoolWorker, error: Error): void {
    const index = this.workers.indexOf(entry);
    if (index < 0) return;
    this.workers.splice(index, 1);
    if (entry.chunk !== undefined) this.fail(entry.chunk.batch, error);
    entry.chunk = undefined;
    if (!this.closed) this.dispatch();
  }

  private fail(batch: Batch, error: Error): void {
    if (batch.failed) return;
    batch.failed = true;
    batch.reject(error);
  }
}

function atLeastOne(value: number): number {
  return Number.isFinite(value) ? Math.max(1, Math.floor(value)) : 1;
}

let sharedPool: SentimentPool | undefined;

/**
 * Language and sentiment of each text, spread over a process-wide pool of worker threads
 * (os.cpus().length - 1, at least 1); small batches are scored on the calling thread.
 */
export function scoreBatch(texts: readonly string[]): Promise<ScoredText[]> {
  sharedPool ??= new SentimentPool();
  return sharedPool.scoreBatch(texts);
}

/** Ends the shared pool's workers (the process exits without it; this frees them sooner). */
export async function closeSentimentPool(): Promise<void> {
  const pool = sharedPool;
  sharedPool = undefined;
  await pool?.close();
}

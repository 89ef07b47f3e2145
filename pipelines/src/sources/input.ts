import * as fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** A file that cannot be read at all: the load fails before it writes anything. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export interface InputFile {
  path: string;
  /** The name rejects and the run record show (the original name of an uploaded temporary file). */
  name: string;
  size: number;
  gzip: boolean;
  /** Modification time: the capture time of snapshots a file carries (stable across re-loads). */
  mtimeMs: number;
}

/**
 * Checks that a file exists, is a regular file and is readable, and detects gzip by its magic
 * bytes (1f 8b) rather than its name. Run for every file before a load starts, so a typo in the
 * third path does not leave the first two loaded and the run half done.
 */
export async function inspectInput(path: string, name = path): Promise<InputFile> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(path, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) throw new InputError(`${name}: not a regular file`);
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return {
      path,
      name,
      size: stat.size,
      gzip: bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b,
      mtimeMs: stat.mtimeMs,
    };
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a directory'
            : (error as Error).message;
    throw new InputError(`${name}: cannot read (${why})`);
  } finally {
    await handle?.close();
  }
}

/** Bytes read from the files of a load so far (compressed bytes for gzip): the progress bar's measure. */
export interface ByteCounter {
  bytes: number;
}

/** The file's bytes, gunzipped when it is gzip. Errors (a truncated gzip) surface as InputError. */
export function openInput(file: InputFile, counter?: ByteCounter): Readable {
  const raw = fs.createReadStream(file.path, { highWaterMark: 1 << 20 });
  let input: Readable = raw;
  if (counter) {
    const counting = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        counter.bytes += chunk.length;
        done(null, chunk);
      },
    });
    raw.on('error', (error) => counting.destroy(error));
    input = raw.pipe(counting);
  }
  if (!file.gzip) return input;
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  input.on('error', (error) => gunzip.destroy(error));
  return input.pipe(gunzip);
}

export interface TextChunk {
  /** Whole lines (the last one may lack its newline at the end of the file). */
  text: string;
  /** 1-based number of the first line in `text`. */
  firstLine: number;
  /** Lines (absolute numbers) that were not valid UTF-8; their bad bytes are U+FFFD in `text`. */
  badLines: ReadonlySet<number> | null;
  /** Lines (absolute numbers) longer than the limit; they are absent from `text` (an empty line stands in). */
  longLines: ReadonlySet<number> | null;
}

export interface TextChunkOptions {
  /** A line longer than this many bytes is dropped and reported. */
  maxLineBytes: number;
}

function countLines(buffer: Buffer, start: number, end: number): number {
  let n = 0;
  let i = buffer.indexOf(0x0a, start);
  while (i !== -1 && i < end) {
    n++;
    i = buffer.indexOf(0x0a, i + 1);
  }
  return n;
}

/**
 * Streams a file as UTF-8 text cut at line ends, so no character and no line is split between
 * chunks. Invalid UTF-8 is found per chunk by the fast native check and only then per line, so a
 * bad row can be rejected by its line number instead of being silently mangled. Memory stays
 * bounded: at most one read chunk plus one line up to maxLineBytes.
 */
export async function* readTextChunks(input: Readable, options: TextChunkOptions): AsyncGenerator<TextChunk> {
  // The end of the last chunk after its last newline, kept as pieces: a long line is joined once.
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let line = 1;
  // While a line is too long we drop its bytes until its end.
  let skippingLine = false;
  let longLines: Set<number> | null = null;
  const decode = (buffer: Buffer, first: number): TextChunk => {
    let badLines: Set<number> | null = null;
    let text: string;
    if (isUtf8(buffer)) text = buffer.toString('utf8');
    else {
      badLines = new Set();
      const parts: string[] = [];
      let start = 0;
      let n = first;
      while (start < buffer.length) {
        const nl = buffer.indexOf(0x0a, start);
        const end = nl === -1 ? buffer.length : nl + 1;
        const piece = buffer.subarray(start, end);
        if (!isUtf8(piece)) badLines.add(n);
        parts.push(piece.toString('utf8'));
        start = end;
        n++;
      }
      text = parts.join('');
    }
    const chunk: TextChunk = { text, firstLine: first, badLines, longLines };
    longLines = null;
    return chunk;
  };
  try {
    for await (const data of input as AsyncIterable<Buffer>) {
      let buffer = data;
      if (skippingLine) {
        const nl = buffer.indexOf(0x0a);
        if (nl === -1) continue;
        skippingLine = false;
        buffer = buffer.subarray(nl + 1);
      }
      const nl = buffer.lastIndexOf(0x0a);
      if (nl === -1) {
        carryBytes += buffer.length;
        if (carryBytes > options.maxLineBytes) {
          (longLines ??= new Set()).add(line);
          skippingLine = true;
          carry = [];
          carryBytes = 0;
          // The long line becomes an empty line in the text, so line numbers stay right.
          yield decode(Buffer.from('\n'), line);
          line++;
          continue;
        }
        carry.push(Buffer.from(buffer));
        continue;
      }
      const whole = carry.length ? Buffer.concat([...carry, buffer.subarray(0, nl + 1)]) : buffer.subarray(0, nl + 1);
      carry = nl + 1 < buffer.length ? [Buffer.from(buffer.subarray(nl + 1))] : [];
      carryBytes = buffer.length - nl - 1;
      const lines = countLines(whole, 0, whole.length);
      yield decode(whole, line);
      line += lines;
    }
  } catch (error) {
    throw new InputError(`cannot read the file past line ${line}: ${(error as Error).message}`);
  }
  if (carryBytes > 0 && !skippingLine) yield decode(Buffer.concat(carry), line);
}

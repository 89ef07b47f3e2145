import { Readable } from 'node:stream';
import { csvRecordAt, readCsv, scanCsv, type CsvOptions, type CsvRecord } from '../src/sources/csv';
import { readTextChunks } from '../src/sources/input';

// scanCsv (the fast load path's reader) must see the records readCsv sees: the same boundaries,
// lines, raw text and errors, whatever the chunking, quoting, line ends or bad bytes.

function bytes(buffer: Buffer, size: number): Readable {
  const pieces: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += size) pieces.push(buffer.subarray(i, i + size));
  return Readable.from(pieces, { objectMode: false });
}

async function viaReadCsv(input: Buffer, size: number, options: CsvOptions, maxLineBytes: number) {
  const out: CsvRecord[] = [];
  for await (const r of readCsv(readTextChunks(bytes(input, size), { maxLineBytes }), options)) out.push(r);
  return out;
}

/** Every record scanCsv finds, built with csvRecordAt, and the fields its bounds give for records it does not suspect. */
async function viaScanCsv(input: Buffer, size: number, options: CsvOptions, maxLineBytes: number) {
  const out: CsvRecord[] = [];
  const clean: { line: number; fields: string[] }[] = [];
  const visit = (record: Parameters<Parameters<typeof scanCsv>[2]>[0], text: string) => {
    out.push(csvRecordAt(record, options));
    if (!record.suspect) {
      const fields: string[] = [];
      for (let f = 0; f < record.fieldCount; f++) {
        const value = text.slice(record.bounds[2 * f], record.bounds[2 * f + 1]);
        const quoted = text.charCodeAt(record.bounds[2 * f]! - 1) === 34 && record.bounds[2 * f]! > record.start;
        fields.push(quoted ? value.replace(/""/g, '"') : value);
      }
      clean.push({ line: record.line, fields });
    }
  };
  for await (const _ of scanCsv(readTextChunks(bytes(input, size), { maxLineBytes }), options, visit)) void _;
  return { out, clean };
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'bc', ',', ',', '"', '""', '\n', '\r\n', '\r', ' ', 'é', '😀', 'x'.repeat(30), ';'];

async function compare(input: Buffer, size: number, options: CsvOptions, maxLineBytes: number) {
  const expected = await viaReadCsv(input, size, options, maxLineBytes);
  const { out, clean } = await viaScanCsv(input, size, options, maxLineBytes);
  expect(out).toEqual(expected);
  const byLine = new Map(expected.map((r) => [r.line, r]));
  for (const c of clean) {
    const record = byLine.get(c.line)!;
    expect(record.error).toBeNull();
    expect(c.fields).toEqual(record.fields);
  }
  return expected.length;
}

describe('scanCsv against readCsv', () => {
  it('finds the same records in the bad-row corpus shapes', async () => {
    const text =
      'a,b,c\n1,"x"y,z\n2,x"y,z\n3,"multi\nline ""q""",ok\r\n\n4,"never closed\n5,ok,ok\n' +
      '6,' +
      'w'.repeat(50) +
      ',x\n7,"' +
      'v'.repeat(60) +
      '",y\n8,last,no newline';
    const withBadUtf8 = Buffer.concat([
      Buffer.from(text),
      Buffer.from([0x0a, 0x39, 0x2c, 0xff, 0x28, 0x2c, 0x7a, 0x0a]),
    ]);
    for (const size of [1, 3, 7, 64, 1 << 16]) {
      const options = { delimiter: ',', maxFieldChars: 40, maxRecordChars: 100 };
      expect(await compare(withBadUtf8, size, options, 1 << 20)).toBeGreaterThan(8);
      // Lines longer than the limit are dropped and reported on their line.
      await compare(withBadUtf8, size, options, 30);
    }
  });

  it('ends at a quote left open on the last line without a newline (readCsv used to loop forever there)', async () => {
    const input = Buffer.from(`a,b\n1,"${'x'.repeat(200)}`);
    const options = { delimiter: ',', maxFieldChars: 1000, maxRecordChars: 50 };
    const records = await viaReadCsv(input, 16, options, 1 << 20);
    expect(records.map((r) => [r.line, r.error])).toEqual([
      [1, null],
      [2, 'broken quoting: a quoted field is never closed'],
    ]);
    await compare(input, 16, options, 1 << 20);
  });

  it('agrees on random CSV-like input in random chunks', async () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const length = 1 + Math.floor(next() * 120);
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      const parts = [Buffer.from(text)];
      if (next() < 0.2) parts.push(Buffer.from([0x0a, 0xc3, 0x28, 0x0a]), Buffer.from('tail,"q"\n'));
      const input = Buffer.concat(parts);
      const options = {
        delimiter: next() < 0.8 ? ',' : ';',
        maxFieldChars: 5 + Math.floor(next() * 40),
        maxRecordChars: 20 + Math.floor(next() * 80),
      };
      const size = 1 + Math.floor(next() * 40);
      await compare(input, size, options, next() < 0.3 ? 16 + Math.floor(next() * 40) : 1 << 20);
    }
  });
});

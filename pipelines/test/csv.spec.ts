import { Readable } from 'node:stream';
import { readCsv, type CsvRecord } from '../src/sources/csv';
import { readTextChunks } from '../src/sources/input';
import { readLines } from '../src/sources/lines';

/** Feeds the bytes in pieces of `size`, so records, characters and CRLFs straddle chunk ends. */
function bytes(input: Buffer | string, size: number): Readable {
  const buffer = Buffer.isBuffer(input) ? input : Buffer.from(input);
  const pieces: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += size) pieces.push(buffer.subarray(i, i + size));
  return Readable.from(pieces, { objectMode: false });
}

async function parse(
  input: Buffer | string,
  size = 1 << 16,
  options = { delimiter: ',', maxFieldChars: 1000, maxRecordChars: 4000 },
  maxLineBytes = 1 << 20,
) {
  const out: CsvRecord[] = [];
  for await (const record of readCsv(readTextChunks(bytes(input, size), { maxLineBytes }), options)) out.push(record);
  return out;
}

const SAMPLE = 'id,text,n\r\n1,"quoted, with comma",2\r\n2,"multi\nline ""quoted""",3\n\n3,plain,4\n4,héllo wörld ✓,5';

describe('CSV reader', () => {
  it.each([1, 2, 3, 7, 1 << 16])(
    'reads quoted fields, CRLF, blank lines and multi-byte text in chunks of %i bytes',
    async (size) => {
      const records = await parse(SAMPLE, size);
      expect(records.map((r) => [r.line, r.fields, r.error])).toEqual([
        [1, ['id', 'text', 'n'], null],
        [2, ['1', 'quoted, with comma', '2'], null],
        [3, ['2', 'multi\nline "quoted"', '3'], null],
        [6, ['3', 'plain', '4'], null],
        [7, ['4', 'héllo wörld ✓', '5'], null],
      ]);
      expect(records[2]!.raw).toBe('2,"multi\nline ""quoted""",3');
    },
  );

  it('rejects broken quoting on its line and reads the next line afresh', async () => {
    const records = await parse('a,b\n1,"x"y\n2,x"y\n3,ok\n');
    expect(records.map((r) => [r.line, r.error])).toEqual([
      [1, null],
      [2, 'broken quoting: text after the closing quote of field 2'],
      [3, 'broken quoting: a quote inside unquoted field 2'],
      [4, null],
    ]);
  });

  it('rejects a quote that never closes without swallowing the rest of the file', async () => {
    const rest = Array.from({ length: 200 }, (_, i) => `${i},row ${i}`).join('\n');
    const records = await parse(`a,b\n1,"never closed\n${rest}\n`, 64, {
      delimiter: ',',
      maxFieldChars: 100,
      maxRecordChars: 400,
    });
    expect(records[1]).toMatchObject({ line: 2, error: 'broken quoting: a quoted field is never closed' });
    // Reading resumes after the runaway record's budget: the end of the file is read normally.
    expect(records.at(-1)).toMatchObject({ line: 202, fields: ['199', 'row 199'], error: null });
  });

  it('rejects an unclosed quote at the end of the file', async () => {
    const records = await parse('a,b\n1,"open');
    expect(records[1]).toMatchObject({ line: 2, error: 'broken quoting: a quoted field is never closed' });
  });

  it('marks invalid UTF-8 on the line it is on', async () => {
    const input = Buffer.concat([Buffer.from('a,b\n1,ok\n2,bad '), Buffer.from([0xc3, 0x28]), Buffer.from('\n3,ok\n')]);
    for (const size of [1, 5, 1 << 16]) {
      const records = await parse(input, size);
      expect(records.map((r) => [r.line, r.error])).toEqual([
        [1, null],
        [2, null],
        [3, 'invalid UTF-8'],
        [4, null],
      ]);
    }
  });

  it('flags oversized fields and over-long lines', async () => {
    const long = 'x'.repeat(2000);
    const records = await parse(`a,b\n1,${long}\n2,"${long}"\n3,ok\n`);
    expect(records.map((r) => r.error)).toEqual([
      null,
      'field 2 is longer than 1000 characters',
      'field 2 is longer than 1000 characters',
      null,
    ]);
    const lines = await parse(`a,b\n1,${long}\n3,ok\n`, 100, undefined, 500);
    expect(lines.map((r) => [r.line, r.error])).toEqual([
      [1, null],
      [2, 'line longer than the limit'],
      [3, null],
    ]);
  });

  it('reads another delimiter', async () => {
    const records = await parse('a;b\n"x;y";2\n', 3, { delimiter: ';', maxFieldChars: 100, maxRecordChars: 400 });
    expect(records[1]!.fields).toEqual(['x;y', '2']);
  });
});

describe('line reader', () => {
  it('numbers lines, skips blank ones and strips a BOM', async () => {
    const lines = [];
    for await (const line of readLines(
      readTextChunks(bytes('\uFEFF{"a":1}\r\n\n{"b":2}\n  \n{"c":3}', 3), { maxLineBytes: 1 << 20 }),
    ))
      lines.push(line);
    expect(lines.map((l) => [l.line, l.text, l.error])).toEqual([
      [1, '{"a":1}', null],
      [3, '{"b":2}', null],
      [5, '{"c":3}', null],
    ]);
  });
});

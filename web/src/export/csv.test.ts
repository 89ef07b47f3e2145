import { describe, expect, it } from '@jest/globals';
import { csvField, fileName, toCsv } from './csv';

describe('toCsv', () => {
  it('quotes fields with commas, quotes and line breaks, and leaves the rest alone', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', 3],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",3\r\n');
  });

  it('writes missing and non-finite values as empty fields', () => {
    expect(toCsv(['n'], [[null], [undefined], [Number.NaN], [0]])).toBe('n\r\n\r\n\r\n\r\n0\r\n');
  });

  it('keeps texts from turning into spreadsheet formulas, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@handle')).toBe("'@handle");
    expect(csvField(-0.5)).toBe('-0.5');
  });
});

describe('fileName', () => {
  it('makes a safe file name of a title', () => {
    expect(fileName('Gap queue — worst first')).toBe('gap-queue-worst-first.csv');
    expect(fileName('???')).toBe('export.csv');
  });
});

import { parseCdnowLine } from './cdnow';

describe('parseCdnowLine', () => {
  it('reads the five whitespace-separated fields; the customer is the sample id', () => {
    expect(parseCdnowLine(' 00004 0001 19970101  2   29.33')).toEqual({
      customerId: '1',
      fullId: '00004',
      date: '1997-01-01',
      cds: 2,
      dollars: '29.33',
    });
  });

  it.each([
    ['00004 0001 19970101 2', /5 fields/],
    ['00004 0001 1997-01-01 2 29.33', /5 fields/],
    ['00004 0001 19970230 2 29.33', /calendar date/],
    ['00004 0001 19970101 2 -3', /5 fields/],
  ])('rejects %p with a reason', (line, reason) => {
    expect(parseCdnowLine(line)).toMatch(reason);
  });
});

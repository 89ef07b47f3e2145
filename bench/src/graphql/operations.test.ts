import { operationNames } from './operations';

describe('operationNames (bench --only)', () => {
  it('takes names that hold commas whole, the longest first', () => {
    expect(operationNames('top terms, all,serviceValue')).toEqual(['top terms, all', 'serviceValue']);
    expect(operationNames('overview, one segment,overview')).toEqual(['overview, one segment', 'overview']);
    expect(operationNames(' cohortRetention ')).toEqual(['cohortRetention']);
  });

  it('refuses an unknown name', () => {
    expect(() => operationNames('serviceValue,no such thing')).toThrow('no benchmark operation named "no such thing"');
  });
});

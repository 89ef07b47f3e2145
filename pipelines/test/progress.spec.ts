import { Progress } from '../src/load/progress';

describe('progress line', () => {
  it('shows a bar of the input read, the rows and the rate', () => {
    let rows = 0;
    let share: number | null = 0.5;
    const progress = new Progress(
      'ingest twcs',
      () => rows,
      () => share,
    );
    rows = 12_345;
    expect(progress.render(10)).toMatch(/^ingest twcs: \[#####\.\.\.\.\.\] 50% 12,345 rows, [\d,]+ rows\/s, \d+ s$/);
    share = 1.2;
    expect(progress.render(10)).toMatch(/\[##########\] 100% /);
    share = null;
    expect(progress.render(10)).toMatch(/^ingest twcs: 12,345 rows, /);
  });
});

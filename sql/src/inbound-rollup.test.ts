import {
  builtDayList,
  customerContactsWindow,
  customerPurchasesWindow,
  customerServiceWindow,
  termsWindow,
  type DayRun,
  type InboundCoverage,
  type RollupDays,
} from './inbound-rollup';

// Which days a rollup serves and each one's current build, from its runs of built days: one
// generation for most days, the others per day (rollup/current_build_fragment.sql).

const G = '1000';
const LATER = '2000';
const LAST = '3000';

function run(first: string, last: string, generation = G, fresh = true): DayRun {
  return { first, last, generation, fresh };
}

function coverage(runs: DayRun[]): InboundCoverage {
  const built: RollupDays = { runs };
  return {
    tz: 'UTC',
    businessDays: [1, 2, 3, 4, 5],
    businessStart: 540,
    businessEnd: 1020,
    slaHours: 24,
    calendar: 'c',
    runs: [],
    transactions: built,
    terms: built,
    customerService: built,
    customerPurchases: built,
    customerContacts: built,
  };
}

/** March 2025's whole days, [from, to). */
const from = new Date('2025-03-01T00:00:00Z');
const to = new Date('2025-04-01T00:00:00Z');
const now = new Date('2025-06-01T00:00:00Z');

describe('rollup windows', () => {
  it('give one generation after one full build, and no day apart', () => {
    const params = termsWindow(coverage([run('2025-01-01', '2025-05-31')]), from, to, true);
    expect(params).toEqual({
      use_rollup: true,
      rollup_from: '2025-03-01',
      rollup_to: '2025-04-01',
      rollup_generation: 1000n,
      rollup_exceptions_from: '2025-03-01',
      rollup_exception_generations: [],
    });
  });

  it('list the days rebuilt since, each with its generation, from the first to the last of them', () => {
    // 03-10 rebuilt by a later load, 03-12 and 03-13 by the last; 03-11 is still of the first build.
    const runs = [
      run('2025-01-01', '2025-03-09'),
      run('2025-03-10', '2025-03-10', LATER),
      run('2025-03-11', '2025-03-11'),
      run('2025-03-12', '2025-03-13', LAST),
      run('2025-03-14', '2025-05-31'),
    ];
    const params = termsWindow(coverage(runs), from, to, true);
    expect(params).toMatchObject({
      use_rollup: true,
      rollup_generation: 1000n,
      rollup_exceptions_from: '2025-03-10',
      rollup_exception_generations: [2000n, 1000n, 3000n, 3000n],
    });
  });

  it('take the generation of most of the served days, not of the span', () => {
    // Rebuilt in March: one generation for the served days, whatever the days around them hold.
    const runs = [run('2025-01-01', '2025-02-28'), run('2025-03-01', '2025-03-31', LATER), run('2025-04-01', '2025-05-31')];
    expect(termsWindow(coverage(runs), from, to, true)).toMatchObject({
      rollup_generation: 2000n,
      rollup_exception_generations: [],
    });
  });

  it('read the rows for the whole period over a hole in the middle of the span', () => {
    const runs = [run('2025-01-01', '2025-03-14'), run('2025-03-16', '2025-05-31')];
    expect(termsWindow(coverage(runs), from, to, true)).toMatchObject({ use_rollup: false, rollup_exception_generations: [] });
    // The same hole outside the period: the span is not whole, the rows are read all the same.
    expect(termsWindow(coverage(runs), new Date('2025-04-01T00:00:00Z'), new Date('2025-05-01T00:00:00Z'), true).use_rollup).toBe(false);
  });

  it('read the rows for a stale day inside a fresh run of days, only when the period holds it', () => {
    const runs = [run('2025-01-01', '2025-03-14'), run('2025-03-15', '2025-03-15', LATER, false), run('2025-03-16', '2025-05-31')];
    expect(termsWindow(coverage(runs), from, to, true).use_rollup).toBe(false);
    const april = termsWindow(coverage(runs), new Date('2025-04-01T00:00:00Z'), new Date('2025-05-01T00:00:00Z'), true);
    expect(april).toMatchObject({ use_rollup: true, rollup_generation: 1000n, rollup_exception_generations: [] });
  });

  it('read the rows without a build, for a filter the rollup does not keep, or for no whole day', () => {
    expect(termsWindow(coverage([]), from, to, true).use_rollup).toBe(false);
    expect(termsWindow(coverage([run('2025-01-01', '2025-05-31')]), from, to, false).use_rollup).toBe(false);
    const inside = termsWindow(coverage([run('2025-01-01', '2025-05-31')]), new Date('2025-03-01T06:00:00Z'), new Date('2025-03-01T18:00:00Z'), true);
    expect(inside.use_rollup).toBe(false);
  });

  it('serve a period before the first built day with no generation (the rollup holds no row there)', () => {
    const params = termsWindow(coverage([run('2025-05-01', '2025-05-31')]), from, to, true);
    expect(params).toMatchObject({ use_rollup: true, rollup_generation: 0n, rollup_exception_generations: [] });
  });

  it('give the value queries the same form, the purchase history from its first built day', () => {
    const runs = [run('2025-03-05', '2025-03-06'), run('2025-03-07', '2025-03-07', LATER), run('2025-03-08', '2025-03-09')];
    expect(customerServiceWindow(coverage(runs), from, to, now, true)).toEqual({
      use_rollup: true,
      rollup_from: '2025-03-01',
      rollup_to: '2025-04-01',
      rollup_generation: 1000n,
      rollup_exceptions_from: '2025-03-07',
      rollup_exception_generations: [2000n],
    });
    // Every built day before the day of `to`.
    expect(customerPurchasesWindow(coverage(runs), new Date('2025-03-08T12:00:00Z'))).toEqual({
      cp_use_rollup: true,
      cp_rollup_from: '1970-01-01',
      cp_rollup_to: '2025-03-08',
      cp_rollup_generation: 1000n,
      cp_rollup_exceptions_from: '2025-03-07',
      cp_rollup_exception_generations: [2000n],
    });
  });

  it('give service effects every whole day of the history up to the earlier of `to` and the SLA cutoff', () => {
    const runs = [run('2025-03-05', '2025-03-06'), run('2025-03-07', '2025-03-07', LATER), run('2025-03-08', '2025-03-31')];
    const window = (until: Date, at: Date) => customerContactsWindow(coverage(runs), until, at, true);
    // Days up to the day of `to` (12:00 on the 20th: the 20th comes from the rows).
    expect(window(new Date('2025-03-20T12:00:00Z'), now)).toEqual({
      use_rollup: true,
      rollup_from: '1970-01-01',
      rollup_to: '2025-03-20',
      rollup_generation: 1000n,
      rollup_exceptions_from: '2025-03-07',
      rollup_exception_generations: [2000n],
    });
    // Now 06:00 on the 21st, SLA 24 h: the cutoff is on the 20th, whose unanswered messages may
    // still be pending; the 20th comes from the rows.
    expect(window(to, new Date('2025-03-21T06:00:00Z')).rollup_to).toBe('2025-03-20');
    expect(customerContactsWindow(coverage(runs), to, now, false).use_rollup).toBe(false);
    expect(customerContactsWindow(coverage([]), to, now, true).use_rollup).toBe(false);
  });

  it('list a rollup day by day for the rollup pass', () => {
    const runs = [run('2025-03-30', '2025-04-01'), run('2025-04-02', '2025-04-02', LATER, false)];
    expect(builtDayList({ runs })).toEqual([
      { day: '2025-03-30', fresh: true, generation: G },
      { day: '2025-03-31', fresh: true, generation: G },
      { day: '2025-04-01', fresh: true, generation: G },
      { day: '2025-04-02', fresh: false, generation: LATER },
    ]);
  });
});

import { customerListFilter, FilterError, interactionFilter, messageWordsSql, withoutCustomerList } from './filter';

const period = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

describe('interactionFilter, the narrowings of a drill-down', () => {
  it('hours of the week: one parameter, bucketed in the workspace time zone', () => {
    const { sql, params } = interactionFilter({ ...period, hoursOfWeek: [0, 167] }, 'i.');
    expect(params).toEqual({ f_hours_of_week: [0, 167] });
    expect(sql).toContain('toDayOfWeek(i.created_at, 0, (SELECT');
    expect(sql).toContain('FROM workspaces FINAL WHERE workspace_id = {workspace_id:String}');
    expect(sql).toContain('IN {f_hours_of_week:Array(UInt8)}');
  });

  it('terms: the words of the text as top terms splits them', () => {
    const { sql, params } = interactionFilter({ ...period, terms: ['refund', 'café'] });
    expect(params).toEqual({ f_terms: ['refund', 'café'] });
    expect(sql).toBe(`AND hasAny(${messageWordsSql()}, {f_terms:Array(String)})`);
    expect(messageWordsSql('i.')).toContain('replaceRegexpAll(i.text,');
    expect(messageWordsSql()).not.toContain('--');
  });

  it('sentiments: the classes of DESIGN.md, unscored in none', () => {
    const { sql, params } = interactionFilter({ ...period, sentiments: ['negative'] });
    expect(params).toEqual({ f_sentiments: ['negative'] });
    expect(sql).toContain("sentiment <= -0.05, 'negative'");
  });

  it.each<[string, Parameters<typeof interactionFilter>[0], RegExp]>([
    ['an hour out of the week', { ...period, hoursOfWeek: [168] }, /not an hour of the week/],
    ['a fractional hour', { ...period, hoursOfWeek: [1.5] }, /not an hour of the week/],
    ['a negative hour', { ...period, hoursOfWeek: [-1] }, /not an hour of the week/],
    ['two words as one term', { ...period, terms: ['late parcel'] }, /not a word/],
    ['an upper-case term', { ...period, terms: ['Refund'] }, /not a word/],
    ['an empty term', { ...period, terms: [''] }, /not a word/],
    ['101 terms', { ...period, terms: Array.from({ length: 101 }, (_, i) => `w${i}`) }, /at most 100/],
    ['an unknown sentiment class', { ...period, sentiments: ['angry' as 'negative'] }, /unknown sentiment/],
    ['an experience on messages', { ...period, experiences: ['missed'] }, /list of customers/],
    ['a cohort on messages', { ...period, cohorts: ['2025-01'] }, /list of customers/],
    ['an unknown field', { ...period, hours: [1] } as never, /unknown filter field "hours"/],
  ])('refuses %s', (_name, filter, message) => {
    expect(() => interactionFilter(filter)).toThrow(FilterError);
    expect(() => interactionFilter(filter)).toThrow(message);
  });
});

describe('customerListFilter', () => {
  it('narrows the list by experience and first-purchase month', () => {
    expect(
      customerListFilter({ ...period, experiences: ['missed', 'no_contact'], cohorts: ['2025-01'] }, { cohort: true }),
    ).toEqual({
      sql: 'AND experience IN {f_experiences:Array(String)}\n  AND cohort IN {f_cohorts:Array(Date)}',
      params: { f_experiences: ['missed', 'no_contact'], f_cohorts: ['2025-01-01'] },
    });
    expect(customerListFilter({ ...period, segments: ['vip'] }, { cohort: false })).toEqual({ sql: '', params: {} });
  });

  it('fails closed', () => {
    expect(() => customerListFilter({ ...period, experiences: ['delighted' as 'missed'] }, { cohort: true })).toThrow(
      /unknown service experience/,
    );
    expect(() => customerListFilter({ ...period, cohorts: ['2025-13'] }, { cohort: true })).toThrow(/not a month/);
    expect(() => customerListFilter({ ...period, cohorts: ['2025-01'] }, { cohort: false })).toThrow(/not this list/);
  });

  it('leaves the message narrowings to interactionFilter', () => {
    const filter = { ...period, channels: ['email'], experiences: ['missed' as const], cohorts: ['2025-01'] };
    expect(withoutCustomerList(filter)).toEqual({ ...period, channels: ['email'] });
    expect(filter.experiences).toEqual(['missed']);
  });
});

import { SentimentClass } from '../terms/dto/top-terms.model';
import { ServiceExperience } from '../value/dto/service-value.model';
import { ValuePopulation } from '../value/dto/value-customer.model';
import { choiceFromQuery, filterFromQuery } from './export-query';
import { ExportException } from './export.exception';

const period = { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };
const dates = { from: new Date(period.from), to: new Date(period.to) };

describe('filterFromQuery', () => {
  it('reads the drill-down narrowings as the Filter names them', () => {
    expect(
      filterFromQuery({
        ...period,
        hoursOfWeek: '9,10',
        terms: ['refund', 'late'],
        sentiments: 'NEGATIVE,NEUTRAL',
        experiences: 'MISSED',
        cohorts: '2025-01,2025-02',
      }),
    ).toEqual({
      ...dates,
      hoursOfWeek: [9, 10],
      terms: ['refund', 'late'],
      sentiments: [SentimentClass.NEGATIVE, SentimentClass.NEUTRAL],
      experiences: [ServiceExperience.MISSED],
      cohorts: ['2025-01', '2025-02'],
    });
  });

  it.each([
    ['an hour that is not a number', { hoursOfWeek: 'nine' }, /not a whole number/],
    ['169 hours', { hoursOfWeek: Array.from({ length: 169 }, (_, i) => String(i)).join(',') }, /at most 168/],
    ['an unknown sentiment', { sentiments: 'negative' }, /unknown value "negative"/],
    ['an unknown experience', { experiences: 'DELIGHTED' }, /unknown value "DELIGHTED"/],
    ['a parameter of another endpoint', { population: 'CLV_RUN' }, /unknown parameter "population"/],
  ])('refuses %s', (_name, extra, message) => {
    expect(() => filterFromQuery({ ...period, ...extra })).toThrow(ExportException);
    expect(() => filterFromQuery({ ...period, ...extra })).toThrow(message);
  });

  it("lets an endpoint read its own parameters: customers.csv's population", () => {
    const query = { ...period, population: 'PURCHASE_COHORTS' };
    expect(filterFromQuery(query, ['population'])).toEqual(dates);
    expect(choiceFromQuery(query, 'population', { ...ValuePopulation })).toBe(ValuePopulation.PURCHASE_COHORTS);
    expect(() => choiceFromQuery(period, 'population', { ...ValuePopulation })).toThrow(/population is required/);
    expect(() => choiceFromQuery({ population: 'ALL' }, 'population', { ...ValuePopulation })).toThrow(/unknown value/);
  });
});

import { narrowedRequests, operation, operationNames, pageOperations, PAGES } from './operations';
import { PAGE_REQUESTS, requestName } from './pages';

describe('operationNames (bench --only)', () => {
  it('takes names that hold commas whole, the longest first', () => {
    expect(operationNames('top terms, all,ServiceValue')).toEqual(['top terms, all', 'ServiceValue']);
    expect(operationNames('overview, one segment,overview')).toEqual(['overview, one segment', 'overview']);
    expect(operationNames('TopTerms (limit: 60, sentiment: NEGATIVE),Workspace')).toEqual([
      'TopTerms (limit: 60, sentiment: NEGATIVE)',
      'Workspace',
    ]);
    expect(operationNames(' CohortRetention ')).toEqual(['CohortRetention']);
  });

  it('refuses an unknown name', () => {
    expect(() => operationNames('ServiceValue,no such thing')).toThrow('no benchmark operation named "no such thing"');
  });
});

describe('PAGES (pages.json, recorded from the browser)', () => {
  it('times each page with every request it sends, each an operation of its own', () => {
    expect(Object.keys(PAGES)).toEqual(['Overview', 'Response', 'Sentiment', 'Value']);
    for (const [page, names] of Object.entries(PAGES)) {
      expect(names).toContain('Workspace');
      expect(names).toHaveLength(PAGE_REQUESTS[page]!.length);
      for (const name of names) expect(operation(name).query).toMatch(/^query /);
    }
    // The Overview's value cards and the Value page's service effects are asked on opening.
    expect(PAGES['Overview']).toContain('ServiceValue');
    expect(PAGES['Value']).toContain('ServiceEffects');
  });

  it('names a request by its operation and its variables other than the period', () => {
    const query = 'query Response { __typename }';
    expect(requestName({ operationName: 'Response', query, variables: { filter: {}, groupBy: 'CHANNEL' } })).toBe(
      'Response (groupBy: CHANNEL)',
    );
    expect(requestName({ operationName: 'ServiceValue', query, variables: { filter: {} } })).toBe('ServiceValue');
    expect(
      requestName({ operationName: 'Sentiment', query, variables: { filter: { channels: ['twitter', 'email'] } } }),
    ).toBe('Sentiment (channels: twitter,email)');
  });

  it('times a request two pages send once, and refuses two different requests of one name', () => {
    const voice = { operationName: 'Voice', query: 'query Voice { a }', variables: { filter: {}, top: 10 } };
    expect(pageOperations({ Sentiment: [voice], Overview: [voice] })).toEqual([
      { name: 'Voice (top: 10)', query: voice.query, variables: voice.variables },
    ]);
    expect(() => pageOperations({ Sentiment: [voice], Overview: [{ ...voice, query: 'query Voice { b }' }] })).toThrow(
      'pages.json: two different requests named "Voice (top: 10)"',
    );
  });

  it("times the Value page's requests for one segment too, each under its own name", () => {
    for (const [name, narrowed] of [
      ['ServiceValue', 'ServiceValue (segments: enterprise)'],
      ['ServiceEffects', 'ServiceEffects (segments: enterprise)'],
      ['CohortRetention', 'CohortRetention (segments: enterprise)'],
      ['CustomersAtRisk (limit: 50)', 'CustomersAtRisk (limit: 50, segments: enterprise)'],
    ] as const) {
      expect(operation(narrowed).variables).toEqual({ ...operation(name).variables, filter: { segments: ['enterprise'] } });
      expect(operation(narrowed).query).toBe(operation(name).query);
    }
    // The Workspace query takes no filter: nothing to narrow.
    expect(narrowedRequests([{ operationName: 'Workspace', query: 'query Workspace { a }', variables: {} }], {})).toEqual([]);
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { listNamedQueries, namedQuery, QUERIES_DIR } from './queries';

describe('named queries', () => {
  it('puts a fragment in at its include marker, so a rule shared by queries is written once', () => {
    const fragment = fs.readFileSync(path.join(QUERIES_DIR, 'value', 'experience_fragment.sql'), 'utf8').trim();
    // The fragment includes another (value/answer_fragment): its text between markers is in as written.
    const pieces = fragment.split(/\/\*include:[a-z0-9_]+\/[a-z0-9_]+\*\//);
    expect(pieces.length).toBeGreaterThan(1);
    for (const name of ['value/service_value', 'value/cohort_retention']) {
      const sql = namedQuery(name);
      expect(sql).not.toContain('/*include:');
      for (const piece of pieces) expect(sql).toContain(piece);
    }
  });

  it('lists queries, not fragments', () => {
    const names = listNamedQueries();
    expect(names).toContain('value/service_value');
    expect(names.some((n) => n.endsWith('_fragment'))).toBe(false);
  });

  it('refuses a name that is not area/name', () => {
    expect(() => namedQuery('../etc/passwd')).toThrow(/bad query name/);
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';

// The README's API examples are documentation users paste: each must be valid against the
// committed schema, so a renamed field fails here instead of in a user's terminal.
const root = path.join(__dirname, '..', '..');
const schema = buildSchema(fs.readFileSync(path.join(root, 'api', 'schema.gql'), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README API examples', () => {
  it('has an example for every root query field', () => {
    const used = new Set(examples.flatMap((e) => [...e.matchAll(/^\s{2}(\w+)\s*[({]/gm)].map((m) => m[1]!)));
    const queries = Object.keys(schema.getQueryType()!.getFields()).filter((f) => f !== 'workspace' && f !== 'apiKeys');
    expect(queries.filter((q) => !used.has(q))).toEqual([]);
  });

  it.each(examples.map((e, i) => [i + 1, e] as const))('example %i is valid against api/schema.gql', (_i, example) => {
    expect(validate(schema, parse(example)).map((e) => e.message)).toEqual([]);
  });
});

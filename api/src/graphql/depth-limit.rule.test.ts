import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { depthLimit } from './depth-limit.rule';

const schema = buildSchema(`
  type Node { name: String child: Node }
  type Query { node: Node }
`);

function errors(query: string, max: number): string[] {
  return validate(schema, parse(query), [...specifiedRules, depthLimit(max)]).map((e) => e.message);
}

describe('depthLimit', () => {
  it('allows operations up to the limit and refuses deeper ones', () => {
    expect(errors('{ node { child { name } } }', 3)).toEqual([]);
    expect(errors('{ node { child { child { name } } } }', 3)).toEqual([
      'Query is nested 4 levels deep; the maximum is 3',
    ]);
  });

  it('counts fragments and inline fragments at the depth they are spread', () => {
    const query = 'query { node { ...F } } fragment F on Node { child { ... on Node { child { name } } } }';
    expect(errors(query, 3)).toEqual(['Query is nested 4 levels deep; the maximum is 3']);
    expect(errors(query, 4)).toEqual([]);
  });

  it('does not count introspection', () => {
    expect(errors('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }', 2)).toEqual([]);
  });
});

import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { selectedPaths } from './selection';

/** What a resolver of the operation's first field sees: its field nodes and the document's fragments. */
function infoOf(document: string) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    parsed.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const fieldNodes = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  return { fieldNodes, fragments };
}

describe('selectedPaths', () => {
  it('lists the selected fields by name, aliases and fragments resolved', () => {
    const info = infoOf(`
      query {
        response(groupBy: CHANNEL) {
          rows { ...Figures  median: frtP50Seconds }
          ... on ResponseReport { total { inbound } }
        }
      }
      fragment Figures on ResponseFigures { key ... on ResponseFigures { inbound } }
    `);
    expect([...selectedPaths(info)].sort()).toEqual([
      'rows',
      'rows.frtP50Seconds',
      'rows.inbound',
      'rows.key',
      'total',
      'total.inbound',
    ]);
  });

  it('merges a field asked twice, and counts a field under @skip as selected', () => {
    const info = infoOf(`
      query ($no: Boolean!) {
        response { total { inbound } }
        response { total { replied frtMeanSeconds @skip(if: $no) } }
      }
    `);
    expect([...selectedPaths(info)].sort()).toEqual([
      'total',
      'total.frtMeanSeconds',
      'total.inbound',
      'total.replied',
    ]);
  });

  it('stops at a fragment that spreads itself, and ignores one the document lacks', () => {
    const info = infoOf(`
      query { response { ...Loop ...Missing } }
      fragment Loop on ResponseReport { groupBy ...Loop }
    `);
    expect([...selectedPaths(info)]).toEqual(['groupBy']);
  });
});

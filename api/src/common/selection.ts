import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The fields a request selects below the field being resolved, as dotted paths by field name (not
 * alias): `total`, `total.inbound`, `rows.frtP50Seconds`. Fragments, named and inline, are followed.
 * `@skip` and `@include` are not evaluated: a field they may leave out counts as selected, so a
 * resolver that plans its work from these paths never computes less than the response shows.
 */
export function selectedPaths(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
  const paths = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, prefix: string, seen: ReadonlySet<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        const path = prefix + selection.name.value;
        paths.add(path);
        visit(selection.selectionSet, `${path}.`, seen);
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet, prefix, seen);
      } else {
        const name = selection.name.value;
        // A fragment that spreads itself is invalid GraphQL, rejected before resolving; never loop.
        if (seen.has(name)) continue;
        visit(info.fragments[name]?.selectionSet, prefix, new Set([...seen, name]));
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, '', new Set());
  return paths;
}

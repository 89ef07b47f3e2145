import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { graphql } from './test-server';

/** Values for arguments, by argument name first, then by type name. */
export interface ArgumentValues {
  byName: Record<string, unknown>;
  byType: Record<string, unknown>;
}

export interface RootOperation {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

export async function fetchSchema(url: string, key: string): Promise<GraphQLSchema> {
  const { body } = await graphql<IntrospectionQuery>(url, getIntrospectionQuery(), {}, key);
  if (!body.data) throw new Error(`introspection failed: ${JSON.stringify(body.errors)}`);
  return buildClientSchema(body.data);
}

function valueFor(name: string, type: GraphQLInputType, values: ArgumentValues): unknown {
  if (name in values.byName) return values.byName[name];
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [valueFor(name, inner.ofType, values)];
  const named = getNamedType(inner);
  if (named.name in values.byType) return values.byType[named.name];
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) {
      if (isNonNullType(f.type)) out[f.name] = valueFor(f.name, f.type, values);
    }
    return out;
  }
  throw new Error(`no value for argument ${name} of type ${named.name}`);
}

/** Required arguments only: the minimal valid call. */
function requiredArgs(args: readonly GraphQLArgument[]): GraphQLArgument[] {
  return args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
}

/**
 * Builds one operation per root query field: every required argument filled (as variables at the
 * root, inline literals below it), and a selection of every field down to `maxDepth` levels,
 * nested fields with required arguments included.
 */
export function rootOperations(schema: GraphQLSchema, values: ArgumentValues, maxDepth: number): RootOperation[] {
  const query = schema.getQueryType();
  if (!query) return [];
  return Object.values(query.getFields())
    .filter((f) => !f.name.startsWith('__'))
    .map((field) => {
      const variables: Record<string, unknown> = {};
      const declarations: string[] = [];
      const args = requiredArgs(field.args).map((a) => {
        variables[a.name] = valueFor(a.name, a.type, values);
        declarations.push(`$${a.name}: ${a.type.toString()}`);
        return `${a.name}: $${a.name}`;
      });
      const selection = selectionOf(field, values, maxDepth - 1);
      const call = `${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection}`;
      return {
        field: field.name,
        query: `query Walk${declarations.length ? `(${declarations.join(', ')})` : ''} { ${call} }`,
        variables,
      };
    });
}

function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

function selectionOf(field: GraphQLField<unknown, unknown>, values: ArgumentValues, depth: number): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  if (!isObjectType(type) || depth <= 0) return '';
  const parts: string[] = [];
  for (const child of Object.values(type.getFields())) {
    const childType = getNamedType(child.type);
    const args = requiredArgs(child.args).map((a) => `${a.name}: ${literal(valueFor(a.name, a.type, values))}`);
    const call = `${child.name}${args.length ? `(${args.join(', ')})` : ''}`;
    if (isLeafType(childType)) parts.push(call);
    else {
      const below = selectionOf(child, values, depth - 1);
      if (below) parts.push(`${call}${below}`);
    }
  }
  return parts.length ? ` { ${parts.join(' ')} }` : '';
}

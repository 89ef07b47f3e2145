import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { ValidationPipe, type Type, type ValidationError } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { GraphQLError } from 'graphql';
import { ApiErrorCode, apiError } from '../common/domain.exception';

/** The most rows one page may hold: bounds the cost of one field. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** `first` / `after` of every cursor-paginated list (Relay style, forward only). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Rows per page, 1…${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page; omit for the first page.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  after?: string | null;
}

@ObjectType({ description: 'Where a page ends and whether another follows.' })
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page; null on an empty page.' })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/** A `<Name>Page { nodes: [T!]! pageInfo: PageInfo! }` type for one node type. */
export function PageOf<T>(node: Type<T>, name: string): Type<Page<T>> {
  @ObjectType(name, { isAbstract: false })
  class PageClass implements Page<T> {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return PageClass;
}

/** A cursor that a client can hand back but not forge into anything else than a position. */
export type CursorValues = (string | number)[];

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function invalidCursor(): GraphQLError {
  return apiError('The cursor is not valid for this list: pass an endCursor it returned', ApiErrorCode.BAD_USER_INPUT, {
    reason: 'INVALID_CURSOR',
  });
}

/**
 * The position a cursor holds, checked against the shape the list expects (`kinds`), or a
 * BAD_USER_INPUT error: a cursor from another list or a hand-edited one is the client's mistake.
 */
export function decodeCursor(cursor: string, kinds: readonly ('string' | 'number')[]): CursorValues {
  const invalid = invalidCursor;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values.length !== kinds.length) throw invalid();
  values.forEach((v, i) => {
    if (
      typeof v !== kinds[i] ||
      (typeof v === 'number' && !Number.isSafeInteger(v)) ||
      (typeof v === 'string' && v.length > 1000)
    )
      throw invalid();
  });
  return values as CursorValues;
}

/** Page size from the args (already bounded by the validation pipe). */
export function pageSize(args: PageArgs): number {
  return args.first ?? DEFAULT_PAGE_SIZE;
}

/**
 * A page from `limit + 1` fetched rows: the extra row only says that another page follows.
 * `cursorOf` turns the last row of the page into its cursor values.
 */
export function toPage<Row, T>(
  rows: Row[],
  limit: number,
  toNode: (row: Row) => T,
  cursorOf: (row: Row) => CursorValues,
): Page<T> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    nodes: pageRows.map(toNode),
    pageInfo: { endCursor: last === undefined ? null : encodeCursor(cursorOf(last)), hasNextPage: rows.length > limit },
  };
}

/**
 * Checks @ArgsType classes against their class-validator bounds (page sizes, lengths); a value out
 * of bounds is BAD_USER_INPUT with reason INVALID_ARGUMENT, saying which and why.
 */
export const argsValidation = new ValidationPipe({
  forbidUnknownValues: false,
  exceptionFactory: (errors: ValidationError[]) => {
    const reasons = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    return apiError(`Invalid arguments: ${reasons.join('; ')}`, ApiErrorCode.BAD_USER_INPUT, {
      reason: 'INVALID_ARGUMENT',
    });
  },
});

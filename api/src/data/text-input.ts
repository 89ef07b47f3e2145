const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a piece of user text (a search, an id) cannot be used, or null when it can: control
 * characters (NUL and the like) and lone UTF-16 surrogates have no meaning in a search or an id
 * and would not survive the trip to ClickHouse intact, so they are refused rather than mangled.
 */
export function textProblem(text: string, maxLength: number): string | null {
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate (not valid Unicode text)';
  if (/\p{Cc}/u.test(text)) return 'contains control characters (such as NUL)';
  if ([...text].length > maxLength) return `is longer than ${maxLength} characters`;
  return null;
}

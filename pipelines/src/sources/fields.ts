/** A row that fails validation: the message is the reject reason. */
export class RowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowError';
  }
}

/** A value as the record holds it: a CSV cell is a string, an NDJSON value anything JSON. */
export type Getter = (field: string) => unknown;

export interface FieldLimits {
  /** Longest text field accepted, in characters. */
  maxFieldChars: number;
}

function show(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/**
 * Typed, validating access to one record's fields. Each method throws RowError with a reason a
 * person can act on ("bad date in created_at: …"), which the source turns into a reject.
 */
export class FieldReader {
  constructor(
    private readonly get: Getter,
    private readonly parseTime: (value: string) => number | null,
    private readonly limits: FieldLimits,
  ) {}

  /** The field as text; '' when absent or null. Objects are refused (a nested value where text belongs). */
  text(field: string, required = false): string {
    const value = this.get(field);
    let text: string;
    if (value === undefined || value === null) text = '';
    else if (typeof value === 'string') text = value;
    else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
    else throw new RowError(`${field} must be a scalar value`);
    if (text.length > this.limits.maxFieldChars) {
      throw new RowError(`oversized field ${field}: ${text.length} characters (limit ${this.limits.maxFieldChars})`);
    }
    if (required && text.trim() === '') throw new RowError(`missing ${field}`);
    return text;
  }

  /** Epoch milliseconds; null when empty and not required. */
  time(field: string, required: true): number;
  time(field: string, required?: boolean): number | null;
  time(field: string, required = false): number | null {
    const text = this.text(field, required).trim();
    if (text === '') return null;
    const ms = this.parseTime(text);
    if (ms === null) throw new RowError(`bad date in ${field}: ${show(text)}`);
    return ms;
  }

  /** One of an allow-list (compared lower-cased); the fallback when empty. */
  oneOf<T extends string>(field: string, values: readonly T[], fallback?: T): T {
    const text = this.text(field).trim().toLowerCase();
    if (text === '') {
      if (fallback !== undefined) return fallback;
      throw new RowError(`missing ${field}`);
    }
    if (!(values as readonly string[]).includes(text))
      throw new RowError(`unknown ${field} ${show(text)} (expected one of ${values.join(', ')})`);
    return text as T;
  }

  bool(field: string, fallback: boolean): boolean {
    const value = this.get(field);
    if (typeof value === 'boolean') return value;
    const text = this.text(field).trim().toLowerCase();
    if (text === '') return fallback;
    if (text === 'true' || text === '1' || text === 'yes' || text === 't' || text === 'y') return true;
    if (text === 'false' || text === '0' || text === 'no' || text === 'f' || text === 'n') return false;
    throw new RowError(`${field} is not a boolean: ${show(text)}`);
  }

  /** An integer in [min, max]; null when empty. */
  int(field: string, min: number, max: number): number | null {
    const text = this.text(field).trim();
    if (text === '') return null;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new RowError(`${field} is not an integer in [${min}, ${max}]: ${show(text)}`);
    return n;
  }

  /** A number in [min, max]; null when empty. */
  number(field: string, min: number, max: number): number | null {
    const text = this.text(field).trim();
    if (text === '') return null;
    const n = Number(text);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new RowError(`${field} is not a number in [${min}, ${max}]: ${show(text)}`);
    return n;
  }

  /** A decimal amount as text (exact to the cent in ClickHouse): digits, one point, optional sign. */
  decimal(field: string, required = false): string | null {
    const text = this.text(field, required).trim();
    if (text === '') return null;
    if (!/^[-+]?\d{1,14}(\.\d{1,4})?$/.test(text)) throw new RowError(`${field} is not an amount: ${show(text)}`);
    return text.replace(/^\+/, '');
  }

  /** A list: a JSON array, or text split on '|'. */
  list(field: string): string[] {
    const value = this.get(field);
    if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
    const text = this.text(field).trim();
    return text === ''
      ? []
      : text
          .split('|')
          .map((v) => v.trim())
          .filter((v) => v !== '');
  }
}

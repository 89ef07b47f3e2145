import * as fs from 'node:fs';
import { timestampParser, TimeFormatError } from '../transforms/time';
import { InputError } from './input';

/**
 * A mapping file (`--mapping file.json`) for generic files whose names or formats differ:
 *
 *   { "columns": { "interaction_id": "Message ID", "created_at": "Sent at" },
 *     "dateFormat": "DD/MM/YYYY HH:mm", "delimiter": ";", "format": "csv",
 *     "defaults": { "channel": "email", "direction": "inbound" }, "defaultCountry": "GB" }
 *
 * `columns` maps our field name to the file's header (or NDJSON key); `defaults` fills a field
 * the file does not have; `defaultCountry` places phone numbers written without a country code.
 */
export interface Mapping {
  columns: Record<string, string>;
  dateFormat?: string;
  delimiter: string;
  format?: 'csv' | 'ndjson';
  defaults: Record<string, string>;
  defaultCountry?: string;
}

export const DEFAULT_MAPPING: Mapping = { columns: {}, delimiter: ',', defaults: {} };

const KEYS = new Set(['columns', 'dateFormat', 'delimiter', 'format', 'defaults', 'defaultCountry']);

function stringRecord(value: unknown, what: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InputError(`mapping: ${what} must be an object`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new InputError(`mapping: ${what}.${k} must be a string`);
    out[k] = v;
  }
  return out;
}

/** Reads and checks a mapping file; every mistake is a clear InputError before anything loads. */
export function readMapping(file: string): Mapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(`mapping ${file}: ${(error as Error).message}`);
  }
  return parseMapping(parsed);
}

export function parseMapping(parsed: unknown): Mapping {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new InputError('mapping must be a JSON object');
  const object = parsed as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (!KEYS.has(key)) throw new InputError(`mapping: unknown key "${key}" (known: ${[...KEYS].join(', ')})`);
  }
  const mapping: Mapping = {
    columns: stringRecord(object.columns, 'columns'),
    defaults: stringRecord(object.defaults, 'defaults'),
    delimiter: ',',
  };
  if (object.delimiter !== undefined) {
    if (
      typeof object.delimiter !== 'string' ||
      [...object.delimiter].length !== 1 ||
      object.delimiter === '"' ||
      object.delimiter === '\n'
    ) {
      throw new InputError('mapping: delimiter must be one character other than a quote or newline');
    }
    mapping.delimiter = object.delimiter;
  }
  if (object.format !== undefined) {
    if (object.format !== 'csv' && object.format !== 'ndjson')
      throw new InputError('mapping: format must be "csv" or "ndjson"');
    mapping.format = object.format;
  }
  if (object.dateFormat !== undefined) {
    if (typeof object.dateFormat !== 'string') throw new InputError('mapping: dateFormat must be a string');
    try {
      timestampParser(object.dateFormat);
    } catch (error) {
      if (error instanceof TimeFormatError) throw new InputError(`mapping: ${error.message}`);
      throw error;
    }
    mapping.dateFormat = object.dateFormat;
  }
  if (object.defaultCountry !== undefined) {
    if (typeof object.defaultCountry !== 'string' || !/^[A-Za-z]{2}$/.test(object.defaultCountry)) {
      throw new InputError('mapping: defaultCountry must be a two-letter country code');
    }
    mapping.defaultCountry = object.defaultCountry.toUpperCase();
  }
  return mapping;
}

import * as path from 'node:path';
import { CHANNELS, DIRECTIONS, IDENTITY_KINDS, PUBLIC_CHANNELS, TRANSACTION_KINDS, type Channel } from '@resonance/sql';
import { authorKindForChannel, normaliseHandle } from '../transforms/identity';
import { formatTime, timestampParser } from '../transforms/time';
import { FieldReader, RowError, type Getter } from './fields';
import { InputError, type InputFile } from './input';
import type { CsvRecord } from './csv';
import { loadInteractionsCsvFast } from './interactions-fast';
import { INTERACTION_FIELDS } from './interaction-fields';
import { csvRecords, isObject, parseJson, textLines, type Source, type SourceContext } from './source';

export interface GenericRecord {
  line: number;
  raw: string;
  fields: FieldReader | null;
  /** Columns of the file that are not fields of the table (customers keep them as attributes). */
  extras: () => Record<string, string>;
  error: string | null;
}

/** The fields a generic table takes, and those a file must have (a column or a mapping default). */
export interface TableSpec {
  fields: readonly string[];
  required: readonly string[];
}

function fileFormat(file: InputFile, context: SourceContext): 'csv' | 'ndjson' {
  if (context.mapping.format) return context.mapping.format;
  const name = file.name.toLowerCase().replace(/\.gz$/, '');
  return ['.ndjson', '.jsonl', '.json'].includes(path.extname(name)) ? 'ndjson' : 'csv';
}

/**
 * The records of a generic CSV or NDJSON file with their fields found by name: the mapping's
 * name for a field, else the field's own name (CSV headers compared trimmed and case-insensitive).
 */
async function* genericRecords(
  file: InputFile,
  context: SourceContext,
  spec: TableSpec,
): AsyncGenerator<GenericRecord> {
  const { mapping, limits } = context;
  const parseTime = timestampParser(mapping.dateFormat);
  const sourceName = (field: string) => mapping.columns[field] ?? field;
  const known = new Set(spec.fields.map(sourceName));
  const none = () => ({});
  if (fileFormat(file, context) === 'ndjson') {
    let object: Record<string, unknown> = {};
    const get: Getter = (field) => {
      const value = object[sourceName(field)];
      return value === undefined || value === null || value === '' ? mapping.defaults[field] : value;
    };
    const fields = new FieldReader(get, parseTime, limits);
    const extras = () => {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(object))
        if (!known.has(k) && v !== null && typeof v !== 'object') out[k] = String(v);
      return out;
    };
    for await (const line of textLines(file, context)) {
      if (line.error) {
        yield { line: line.line, raw: line.text, fields: null, extras: none, error: line.error };
        continue;
      }
      const parsed = parseJson(line.text);
      if ('error' in parsed || !isObject(parsed.value)) {
        yield {
          line: line.line,
          raw: line.text,
          fields: null,
          extras: none,
          error: 'error' in parsed ? parsed.error : 'not a JSON object',
        };
        continue;
      }
      object = parsed.value;
      yield { line: line.line, raw: line.text, fields, extras, error: null };
    }
    return;
  }
  const csv = new GenericCsvFile(file, context, spec);
  for await (const record of csvRecords(file, context)) {
    if (csv.header === null) csv.readHeader(record);
    else yield csv.record(record);
  }
  if (csv.header === null) throw new InputError(`${file.name}: empty file (no header line)`);
}

/**
 * A generic CSV file's columns and one reader over its current record: the header finds each
 * field's column (the mapping's name, else the field's own; trimmed, any case), then each record
 * becomes a GenericRecord. Shared by the JavaScript path and the fast path's records it hands back.
 */
export class GenericCsvFile {
  header: string[] | null = null;
  /** Field name → column, as a plain object: V8 looks constant keys up fastest there. */
  index: Record<string, number> = Object.create(null) as Record<string, number>;
  /** One reader per file over the current record: a reader and two closures per row were a tenth of a load's garbage. */
  readonly fields: FieldReader;
  private cells: string[] = [];
  private readonly known: Set<string>;

  constructor(
    private readonly file: InputFile,
    private readonly context: SourceContext,
    private readonly spec: TableSpec,
  ) {
    const { mapping, limits } = context;
    this.known = new Set(spec.fields.map((f) => mapping.columns[f] ?? f));
    const get: Getter = (field) => {
      const at = this.index[field];
      const value = at === undefined ? undefined : this.cells[at];
      return value === undefined || value === '' ? mapping.defaults[field] : value;
    };
    this.fields = new FieldReader(get, timestampParser(mapping.dateFormat), limits);
  }

  /** The first record; throws InputError when it cannot be read or a required field has no column. */
  readHeader(record: CsvRecord): void {
    const { file, context, spec } = this;
    if (record.error) throw new InputError(`${file.name}: the header line cannot be read (${record.error})`);
    const header = record.fields.map((h) => h.trim());
    const positions = new Map(header.map((h, i) => [h.toLowerCase(), i] as const));
    const index = Object.create(null) as Record<string, number>;
    for (const field of spec.fields) {
      const at = positions.get((context.mapping.columns[field] ?? field).toLowerCase());
      if (at !== undefined) index[field] = at;
    }
    const missing = spec.required.filter((f) => index[f] === undefined && context.mapping.defaults[f] === undefined);
    if (missing.length > 0) {
      throw new InputError(
        `${file.name}: no column for ${missing.join(', ')} (header: ${header.join(', ')}); ` +
          'name the columns in a mapping file (--mapping) or give defaults',
      );
    }
    this.header = header;
    this.index = index;
  }

  /** A record after the header, with the reason it cannot be read or a reader over its fields. */
  record(record: CsvRecord): GenericRecord {
    if (record.error) return { line: record.line, raw: record.raw, fields: null, extras: NONE, error: record.error };
    const header = this.header!;
    if (record.fields.length !== header.length) {
      const error = `wrong column count: expected ${header.length} fields, found ${record.fields.length}`;
      return { line: record.line, raw: record.raw, fields: null, extras: NONE, error };
    }
    this.cells = record.fields;
    return { line: record.line, raw: record.raw, fields: this.fields, extras: this.extras, error: null };
  }

  /** The current record's columns that are not fields of the table (customers keep them as attributes). */
  private readonly extras = (): Record<string, string> => {
    const out: Record<string, string> = {};
    this.header?.forEach((h, i) => {
      if (!this.known.has(h) && this.cells[i] !== '') out[h] = this.cells[i]!;
    });
    return out;
  };
}

const NONE = (): Record<string, string> => ({});

type RowBuilder = (fields: FieldReader, record: GenericRecord, context: SourceContext) => Promise<void>;

/** Loads one record the JavaScript way: its reject, or the row `build` makes of it (or the RowError it throws). */
export type RecordHandler = (record: GenericRecord) => Promise<void>;

/**
 * A faster way to load a CSV file of a table (interactions: ClickHouse types the rows). Given the
 * file's columns and the JavaScript path for the records it does not take; resolves to false,
 * before reading anything, when the file is not for it.
 */
export type FastCsvLoader = (
  file: InputFile,
  context: SourceContext,
  csv: GenericCsvFile,
  slow: RecordHandler,
) => Promise<boolean>;

function genericSource(
  name: string,
  summary: string,
  spec: TableSpec,
  build: RowBuilder,
  fast?: () => FastCsvLoader,
): Source {
  return {
    name,
    summary,
    async loadFile(file, context) {
      const { run } = context;
      const handle: RecordHandler = async (record) => {
        if (record.fields === null) {
          await run.reject(file.name, record.line, record.error ?? 'unreadable row', record.raw);
          return;
        }
        try {
          await build(record.fields, record, context);
        } catch (error) {
          if (!(error instanceof RowError)) throw error;
          await run.reject(file.name, record.line, error.message, record.raw);
        }
      };
      if (fast && fileFormat(file, context) === 'csv') {
        if (await fast()(file, context, new GenericCsvFile(file, context, spec), handle)) return;
      }
      for await (const record of genericRecords(file, context, spec)) await handle(record);
    },
  };
}

function handleOf(kind: string, raw: string, context: SourceContext): string {
  return normaliseHandle(kind, raw, context.mapping.defaultCountry) ?? raw.trim().toLowerCase();
}

export const interactionsSource = genericSource(
  'interactions',
  'messages, calls and ticket events (CSV or NDJSON, columns by name)',
  { fields: INTERACTION_FIELDS, required: ['interaction_id', 'channel', 'direction', 'created_at'] },
  async (f, _record, context) => {
    const { run } = context;
    const id = f.text('interaction_id', true).trim();
    const channel: Channel = f.oneOf('channel', CHANNELS);
    const createdAt = f.time('created_at', true);
    const authorKind = f.oneOf('author_kind', IDENTITY_KINDS, authorKindForChannel(channel));
    const sentiment = f.number('sentiment', -1, 1);
    const row: Record<string, unknown> = {
      workspace_id: run.workspaceId,
      interaction_id: id,
      source: 'interactions',
      brand: f.text('brand').trim(),
      channel,
      direction: f.oneOf('direction', DIRECTIONS),
      is_public: f.bool('is_public', PUBLIC_CHANNELS.includes(channel)),
      created_at: formatTime(createdAt),
      thread_id: f.text('thread_id').trim() || id,
      parent_id: f.text('parent_id').trim(),
      author_kind: authorKind,
      author_handle: handleOf(authorKind, f.text('author_handle'), context),
      author_followers: f.int('author_followers', 0, 4_294_967_295),
      customer_id: f.text('customer_id').trim(),
      agent: f.text('agent').trim(),
      is_automated: f.bool('is_automated', false),
      text: f.text('text'),
      lang: f.text('lang').trim().toLowerCase(),
      topics: f.list('topics'),
      csat: f.int('csat', 0, 100),
      ingest_run_id: run.runId,
    };
    // A score the source supplies is kept; none means the run's scorer scores the text.
    if (sentiment !== null) {
      row.sentiment = sentiment;
      row.sentiment_source = 'source';
    }
    await run.add('interactions', row);
  },
  () => loadInteractionsCsvFast,
);

const CUSTOMER_FIELDS = [
  'customer_id',
  'name',
  'email',
  'phone',
  'segment',
  'lifecycle_stage',
  'country',
  'first_seen_at',
] as const;

export const customersSource = genericSource(
  'customers',
  'customers (extra columns become attributes; email and phone also become identities)',
  { fields: CUSTOMER_FIELDS, required: ['customer_id'] },
  async (f, record, context) => {
    const { run } = context;
    const customerId = f.text('customer_id', true).trim();
    const emailRaw = f.text('email').trim();
    const email = emailRaw === '' ? null : normaliseHandle('email', emailRaw);
    if (emailRaw !== '' && email === null)
      throw new RowError(`email is not an e-mail address: ${JSON.stringify(emailRaw.slice(0, 40))}`);
    const phoneRaw = f.text('phone').trim();
    const phone = phoneRaw === '' ? null : normaliseHandle('phone', phoneRaw, context.mapping.defaultCountry);
    const firstSeen = f.time('first_seen_at');
    await run.add('customers', {
      workspace_id: run.workspaceId,
      customer_id: customerId,
      name: f.text('name').trim(),
      email: email ?? '',
      segment: f.text('segment').trim(),
      lifecycle_stage: f.text('lifecycle_stage').trim(),
      country: f.text('country').trim().toUpperCase(),
      first_seen_at: formatTime(firstSeen ?? 0),
      attributes: record.extras(),
      source: 'customers',
    });
    // A customer's address and number are handles their messages can be resolved by.
    if (email)
      await run.addRelated('identities', {
        workspace_id: run.workspaceId,
        kind: 'email',
        handle: email,
        customer_id: customerId,
        followers: null,
      });
    if (phone)
      await run.addRelated('identities', {
        workspace_id: run.workspaceId,
        kind: 'phone',
        handle: phone,
        customer_id: customerId,
        followers: null,
      });
  },
);

export const identitiesSource = genericSource(
  'identities',
  'handles of customers per kind (email, phone, twitter, …), normalised',
  { fields: ['kind', 'handle', 'customer_id', 'followers'], required: ['kind', 'handle', 'customer_id'] },
  async (f, _record, context) => {
    const { run } = context;
    const kind = f.oneOf('kind', IDENTITY_KINDS);
    const raw = f.text('handle', true);
    const handle = normaliseHandle(kind, raw, context.mapping.defaultCountry);
    if (handle === null)
      throw new RowError(`handle is not a valid ${kind}: ${JSON.stringify(raw.trim().slice(0, 40))}`);
    await run.add('identities', {
      workspace_id: run.workspaceId,
      kind,
      handle,
      customer_id: f.text('customer_id', true).trim(),
      followers: f.int('followers', 0, 4_294_967_295),
    });
  },
);

export const transactionsSource = genericSource(
  'transactions',
  'purchases, refunds and invoices',
  {
    fields: ['transaction_id', 'customer_id', 'occurred_at', 'kind', 'amount', 'currency'],
    required: ['transaction_id', 'customer_id', 'occurred_at', 'amount'],
  },
  async (f, _record, context) => {
    const { run } = context;
    const currency = f.text('currency').trim().toUpperCase() || 'USD';
    if (!/^[A-Z]{3}$/.test(currency))
      throw new RowError(`currency is not an ISO 4217 code: ${JSON.stringify(currency.slice(0, 40))}`);
    await run.add('transactions', {
      workspace_id: run.workspaceId,
      transaction_id: f.text('transaction_id', true).trim(),
      customer_id: f.text('customer_id', true).trim(),
      occurred_at: formatTime(f.time('occurred_at', true)),
      kind: f.oneOf('kind', TRANSACTION_KINDS, 'purchase'),
      amount: f.decimal('amount', true),
      currency,
      source: 'transactions',
      ingest_run_id: run.runId,
    });
  },
);

import { normaliseHandle } from '../transforms/identity';
import { formatTime, parseTimestamp } from '../transforms/time';
import { runLoadQuery } from '../load/ingest-run';
import { FieldReader, RowError, type Getter } from './fields';
import { InputError } from './input';
import { csvRecords, type Source } from './source';

const COLUMNS = [
  'tweet_id',
  'author_id',
  'inbound',
  'created_at',
  'text',
  'response_tweet_id',
  'in_response_to_tweet_id',
] as const;
const TWEET_ID = /^\d{1,20}$/;
/** Threads are followed through this many recent tweets (the file is roughly in conversation order). */
const THREAD_MEMORY = 200_000;
/** Agents sign brand replies with initials at the end: "… ^JS", "… -AB", "… *KM". */
const SIGNATURE = /(?:\^|\s[-–*~])\s?([A-Z]{2,3})\s*$/;

/** A tweet id as the file writes it (pandas exports add ".0"); null when empty. */
function tweetId(f: FieldReader, field: string): string | null {
  const text = f.text(field).trim().replace(/\.0$/, '');
  if (text === '') return null;
  if (!TWEET_ID.test(text)) throw new RowError(`${field} is not a tweet id: ${JSON.stringify(text.slice(0, 40))}`);
  return text;
}

/**
 * The Kaggle "Customer Support on Twitter" file (twcs.csv). Brands are the authors of outbound
 * tweets; an inbound tweet belongs to the brand it replies to, else to the first brand it
 * @mentions. Both need tweets that may come later in the file or in another file, so inbound rows
 * are attributed after the load by a pass over the database (load/twcs_brands.sql), before
 * replies are linked.
 */
export const twcsSource: Source = {
  name: 'twcs',
  summary: 'Kaggle "Customer Support on Twitter" twcs.csv',
  async prepare(context) {
    const brandsSeen = new Map<string, string>();
    twcsState.set(context, { brandsSeen, threads: new Map() });
    context.run.beforeLink(async (run, version) => {
      const directory = await context.brands();
      await directory.addDiscovered(run.db, run.workspaceId, brandsSeen.values(), run.version);
      await runLoadQuery(run.db, 'load/twcs_brands', { workspace_id: run.workspaceId, run_id: run.runId, version });
    });
  },
  async loadFile(file, context) {
    const { run } = context;
    const state = twcsState.get(context);
    if (!state) throw new Error('twcs: prepare() was not called');
    let index: Map<string, number> | null = null;
    let width = 0;
    for await (const record of csvRecords(file, context)) {
      if (index === null) {
        if (record.error) throw new InputError(`${file.name}: the header line cannot be read (${record.error})`);
        const header = record.fields.map((h) => h.trim().toLowerCase());
        const missing = COLUMNS.filter((c) => !header.includes(c));
        if (missing.length > 0)
          throw new InputError(`${file.name}: not a twcs file, missing columns ${missing.join(', ')}`);
        index = new Map(header.map((h, i) => [h, i] as const));
        width = header.length;
        continue;
      }
      if (record.error || record.fields.length !== width) {
        const reason = record.error ?? `wrong column count: expected ${width} fields, found ${record.fields.length}`;
        await run.reject(file.name, record.line, reason, record.raw);
        continue;
      }
      const cells = record.fields;
      const columns = index;
      const get: Getter = (field) => cells[columns.get(field)!];
      const f = new FieldReader(get, parseTimestamp, context.limits);
      try {
        const id = tweetId(f, 'tweet_id');
        if (id === null) throw new RowError('missing tweet_id');
        const author = f.text('author_id', true).trim();
        const inbound = f.bool('inbound', false);
        if (f.text('inbound').trim() === '') throw new RowError('missing inbound');
        const createdAt = f.time('created_at', true);
        const parent = tweetId(f, 'in_response_to_tweet_id') ?? '';
        const text = f.text('text');
        const handle = normaliseHandle('twitter', author) ?? author.toLowerCase();
        if (!inbound && !state.brandsSeen.has(handle)) state.brandsSeen.set(handle, author);
        const thread = (parent && state.threads.get(parent)) || parent || id;
        if (state.threads.size >= THREAD_MEMORY) state.threads.clear();
        state.threads.set(id, thread);
        await run.add('interactions', {
          workspace_id: run.workspaceId,
          interaction_id: id,
          source: 'twcs',
          // Inbound tweets get their brand from the twcs_brands pass.
          brand: inbound ? '' : handle,
          channel: 'twitter',
          direction: inbound ? 'inbound' : 'outbound',
          is_public: true,
          created_at: formatTime(createdAt),
          thread_id: thread,
          parent_id: parent,
          author_kind: 'twitter',
          author_handle: handle,
          author_followers: null,
          customer_id: '',
          agent: inbound ? '' : (SIGNATURE.exec(text)?.[1] ?? ''),
          is_automated: false,
          text,
          lang: '',
          topics: [],
          csat: null,
          ingest_run_id: run.runId,
        });
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        await run.reject(file.name, record.line, error.message, record.raw);
      }
    }
    if (index === null) throw new InputError(`${file.name}: empty file (no header line)`);
  },
};

interface TwcsState {
  /** Normalised handle of each brand seen → the author id as written (its display name). */
  brandsSeen: Map<string, string>;
  threads: Map<string, string>;
}

const twcsState = new WeakMap<object, TwcsState>();

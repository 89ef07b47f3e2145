import {
  builtDayList,
  calendarParams,
  CUSTOMER_CONTACTS_ROLLUP_VERSION,
  CUSTOMER_PURCHASE_ROLLUP_VERSION,
  CUSTOMER_SERVICE_ROLLUP_VERSION,
  hourlyRollupBuiltWith,
  namedQuery,
  MISSED_ROLLUP_VERSION,
  POSTS_ROLLUP_VERSION,
  readInboundCoverage,
  TERM_ROLLUP_VERSION,
  TRANSACTIONS_ROLLUP_VERSION,
  type Database,
  type RollupDays,
} from '@resonance/sql';

/**
 * Days per build query: a rebuild of a whole workspace (10 M interactions) in one statement would
 * hold every day's groups and FRT arrays at once.
 */
export const ROLLUP_CHUNK_DAYS = 31;

/** After every SLA cutoff: see refreshInboundRollup. */
const NO_SLA = '2999-12-31T00:00:00Z';
const DAY_MS = 86_400_000;

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Sorted days in runs of at most ROLLUP_CHUNK_DAYS calendar days, for one build query each. */
export function chunkDays(sorted: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (const day of sorted) {
    const chunk = chunks[chunks.length - 1];
    if (chunk && Date.parse(day) - Date.parse(chunk[0]!) < ROLLUP_CHUNK_DAYS * DAY_MS) chunk.push(day);
    else chunks.push([day]);
  }
  return chunks;
}

export interface InboundRollupRefresh {
  /**
   * Inbound rows written at this version or later are a load's (its rows and its passes'
   * rewrites): their days are rebuilt. Absent: only stale and missing days are.
   */
  sinceVersion?: number;
  /** The new build's generation: larger than any earlier build's (a run version is). */
  generation: number;
  /** The load wrote customers: the days of their messages and purchases are rebuilt too (segment, lifecycle stage). */
  customers?: boolean;
}

async function days(db: Database, name: string, params: Record<string, unknown>): Promise<string[]> {
  const result = await db.client.query({ query: namedQuery(name), query_params: params, format: 'JSONEachRow' });
  return (await result.json<{ day: string }>()).map((row) => row.day);
}

async function rows<T>(db: Database, name: string, params: Record<string, unknown>): Promise<T[]> {
  const result = await db.client.query({ query: namedQuery(name), query_params: params, format: 'JSONEachRow' });
  return result.json<T>();
}

/**
 * Where a family of day rollups finds its days (sql/queries/rollup): the rollups over inbound
 * messages share theirs, as do the two over transactions, so a refresh reads them once per family.
 */
interface DaySource {
  /** Days of rows written at {since_version} or later. */
  touched: string;
  /** Days of the rows of the customers written at {since_version} or later. */
  customerDays: string;
  /** Every day with rows. */
  dataDays: string;
}

const INBOUND_DAYS: DaySource = {
  touched: 'rollup/touched_inbound_days',
  customerDays: 'rollup/customer_inbound_days',
  dataDays: 'rollup/inbound_data_days',
};

const TRANSACTION_DAYS: DaySource = {
  touched: 'rollup/touched_transaction_days',
  customerDays: 'rollup/customer_transaction_days',
  dataDays: 'rollup/transaction_data_days',
};

/**
 * One day rollup, by its table: also its name in rollup_days; rollup/build_<table>.sql builds its
 * days and rollup/drop_superseded_days.sql retires their older builds.
 */
interface DayRollup {
  table: string;
  /**
   * customer_cohorts (migration 0031) is rebuilt with this rollup's days: the rows of the customers
   * with a transaction on the days, made current by the same mark.
   */
  customerCohorts?: boolean;
}

const INBOUND: DayRollup = { table: 'inbound_daily' };

/** Inbound messages per UTC hour, for the hour-of-week heatmap (migration 0029). */
const HOURLY: DayRollup = { table: 'inbound_hourly' };

/** Terms of inbound messages (migration 0020). */
const TERMS: DayRollup = { table: 'term_daily' };

/** The unanswered inbound messages (migration 0024). */
const MISSED: DayRollup = { table: 'missed_daily' };

/** Per customer, the latest message and its answer (migration 0023). */
const CUSTOMER_SERVICE: DayRollup = { table: 'customer_service_daily' };

/** Customers' opening inbound messages, for service effects (migration 0032). */
const CUSTOMER_CONTACTS: DayRollup = { table: 'customer_contacts_daily' };

/** The public inbound messages with their amplification and reach (migration 0025). */
const POSTS: DayRollup = { table: 'public_posts_daily' };

/** The days each customer purchased (migration 0026). */
const CUSTOMER_PURCHASES: DayRollup = { table: 'customer_purchase_daily', customerCohorts: true };

const TRANSACTIONS: DayRollup = { table: 'transactions_daily' };

/** A family's days for one refresh: those a load touched, and every day with rows (sorted). */
interface SourceDays {
  touched: ReadonlySet<string>;
  withRows: readonly string[];
}

/**
 * Reads a family's days once for all its rollups: every day with rows is a scan of the family's
 * table (0.35 s of CPU for the inbound days at 10 M interactions), and five rollups share it.
 */
async function sourceDays(
  db: Database,
  workspaceId: string,
  source: DaySource,
  refresh: InboundRollupRefresh,
): Promise<SourceDays> {
  const base = { workspace_id: workspaceId };
  const touched = new Set<string>();
  if (refresh.sinceVersion !== undefined) {
    const since = { ...base, since_version: refresh.sinceVersion };
    for (const day of await days(db, source.touched, since)) touched.add(day);
    if (refresh.customers) for (const day of await days(db, source.customerDays, since)) touched.add(day);
  }
  return { touched, withRows: await days(db, source.dataDays, base) };
}

/**
 * Brings one day rollup of a workspace up to date: rebuilds the days whose rows a load wrote or
 * rewrote, the days of the customers it wrote (the rollups group by segment), the days not built
 * by the current build (`built`: stale), and every day from the first day with rows to the last
 * that has no build (a workspace never built: all of them; days without rows are only marked, so
 * an outlying date costs one row per day, not a query). The new builds are written first, then
 * made current in one insert, then the older ones are deleted: readers see the old figures or the
 * new ones, never a mix. Returns the days rebuilt.
 */
async function refreshDayRollup(
  db: Database,
  workspaceId: string,
  rollup: DayRollup,
  source: SourceDays,
  built: RollupDays,
  builtWith: string,
  buildParams: Record<string, unknown>,
  generation: number,
): Promise<string[]> {
  const base = { workspace_id: workspaceId };
  const rebuild = new Set(source.touched);
  const days = builtDayList(built);
  const known = new Set(days.map((d) => d.day));
  for (const { day, fresh } of days) if (!fresh) rebuild.add(day);
  const { withRows } = source;
  const span = [...withRows, ...known].sort();
  if (span.length > 0) {
    for (let day = span[0]!; day <= span[span.length - 1]!; day = addDays(day, 1))
      if (!known.has(day)) rebuild.add(day);
  }
  const sorted = [...rebuild].sort();
  if (sorted.length === 0) return sorted;
  for (const chunk of chunkDays(withRows.filter((day) => rebuild.has(day)))) {
    await db.client.command({
      query: namedQuery(`rollup/build_${rollup.table}`),
      query_params: {
        ...base,
        ...buildParams,
        generation,
        days: chunk,
        first_day: chunk[0],
        last_day: chunk[chunk.length - 1],
      },
    });
  }
  const rebuiltWithRows = withRows.filter((day) => rebuild.has(day));
  // customer_cohorts: a killed pass's leftovers discarded, the customers' current rows listed as
  // replaced, their new rows written (invisible until the mark below).
  const cohorts =
    rollup.customerCohorts && rebuiltWithRows.length > 0
      ? {
          ...base,
          generation,
          days: rebuiltWithRows,
          first_day: rebuiltWithRows[0],
          last_day: rebuiltWithRows[rebuiltWithRows.length - 1],
        }
      : null;
  if (cohorts) {
    for (const step of [
      'discard_unmarked_cohorts',
      'discard_unmarked_supersessions',
      'supersede_customer_cohorts',
      'build_customer_cohorts',
    ]) {
      await db.client.command({ query: namedQuery(`rollup/${step}`), query_params: cohorts });
    }
  }
  await db.client.command({
    query: namedQuery('rollup/mark_days'),
    query_params: { ...base, rollup: rollup.table, generation, days: sorted, built_with: builtWith },
  });
  await db.client.command({
    query: namedQuery('rollup/drop_superseded_days'),
    query_params: { ...base, table: rollup.table, generation, days: sorted },
  });
  if (cohorts) {
    for (const step of ['drop_superseded_cohorts', 'forget_superseded_cohorts']) {
      await db.client.command({ query: namedQuery(`rollup/${step}`), query_params: cohorts });
    }
  }
  return sorted;
}

/**
 * Brings a workspace's rollups up to date (refreshDayRollup): inbound_daily (migration 0016) and
 * inbound_hourly (0029), built with the workspace's calendar, term_daily (0020),
 * customer_service_daily (0023), customer_contacts_daily (0032), missed_daily (0024),
 * public_posts_daily (0025), transactions_daily (0019) and customer_purchase_daily (0026), each
 * family's days read once; then what its data covers (workspace_data, 0017) after a load or a
 * rebuild. Returns the number of days rebuilt.
 */
export async function refreshInboundRollup(
  db: Database,
  workspaceId: string,
  refresh: InboundRollupRefresh,
): Promise<number> {
  const coverage = await readInboundCoverage(db, workspaceId);
  // The rollup holds no pending message: every unanswered one counts as missed (see
  // rollup/build_inbound_daily.sql), so its `now` is after every SLA.
  const calendar = calendarParams(coverage, new Date(NO_SLA));
  const none: RollupDays = { runs: [] };
  const inboundDays = await sourceDays(db, workspaceId, INBOUND_DAYS, refresh);
  const transactionDays = await sourceDays(db, workspaceId, TRANSACTION_DAYS, refresh);
  // Each rollup with its family's days, its current builds and what a build is made with.
  const rollups: [DayRollup, SourceDays, RollupDays, string, Record<string, unknown>][] = [
    [INBOUND, inboundDays, coverage, coverage.calendar, calendar],
    [HOURLY, inboundDays, coverage.hourly ?? none, hourlyRollupBuiltWith(coverage.calendar), calendar],
    [TERMS, inboundDays, coverage.terms, TERM_ROLLUP_VERSION, {}],
    [MISSED, inboundDays, coverage.missed ?? none, MISSED_ROLLUP_VERSION, {}],
    [POSTS, inboundDays, coverage.posts ?? none, POSTS_ROLLUP_VERSION, {}],
    [CUSTOMER_SERVICE, inboundDays, coverage.customerService ?? none, CUSTOMER_SERVICE_ROLLUP_VERSION, {}],
    [CUSTOMER_CONTACTS, inboundDays, coverage.customerContacts ?? none, CUSTOMER_CONTACTS_ROLLUP_VERSION, {}],
    [TRANSACTIONS, transactionDays, coverage.transactions, TRANSACTIONS_ROLLUP_VERSION, {}],
    [CUSTOMER_PURCHASES, transactionDays, coverage.customerPurchases ?? none, CUSTOMER_PURCHASE_ROLLUP_VERSION, {}],
  ];
  let rebuilt = 0;
  let inboundRebuilt = 0;
  for (const [rollup, source, built, builtWith, params] of rollups) {
    const rebuiltDays = await refreshDayRollup(
      db,
      workspaceId,
      rollup,
      source,
      built,
      builtWith,
      params,
      refresh.generation,
    );
    rebuilt += rebuiltDays.length;
    if (rollup === INBOUND) inboundRebuilt = rebuiltDays.length;
  }
  // A load's channels and times change what the data covers even when no inbound day changed.
  if (inboundRebuilt > 0 || refresh.sinceVersion !== undefined) {
    await refreshWorkspaceData(db, workspaceId, refresh.generation);
  }
  return rebuilt;
}

/** What the workspace's data covers (channels, first and last inbound message), for the api's workspace query. */
export async function refreshWorkspaceData(db: Database, workspaceId: string, generation: number): Promise<void> {
  await db.client.command({
    query: namedQuery('rollup/write_workspace_data'),
    query_params: { workspace_id: workspaceId, generation },
  });
}

/**
 * Every workspace's rollups up to date: run after migrating (api start, `resonance migrate` and
 * every CLI command), so data loaded before a rollup existed, or by a load killed before its
 * rollup pass, is rolled up. Cheap when nothing is missing: a few small queries per workspace.
 */
export async function refreshRollups(db: Database): Promise<void> {
  const workspaces = await rows<{ workspace_id: string }>(db, 'rollup/workspaces', {});
  for (const { workspace_id: workspaceId } of workspaces) {
    await refreshInboundRollup(db, workspaceId, { generation: Date.now() * 1000 + 998 });
  }
  for (const { workspace_id: workspaceId } of await rows<{ workspace_id: string }>(
    db,
    'rollup/workspace_data_missing',
    {},
  )) {
    await refreshWorkspaceData(db, workspaceId, Date.now() * 1000 + 998);
  }
}

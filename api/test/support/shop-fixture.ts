import { IngestRun } from '@resonance/pipelines';
import { toClickHouseTime, type Channel, type Database, type InteractionRow } from '@resonance/sql';

/**
 * The "shop" workspace for the customers, data and export features: four customers with handles,
 * messages with replies on three channels, transactions, rejects and two model runs. Every figure
 * the tests expect is worked out by hand next to the rows.
 *
 * `mark` is appended to every text, name, handle and e-mail, and `scale` multiplies every amount
 * and count-free value: a second workspace loaded with a unique mark and scale shares all ids
 * with the first, so a leak shows up as its mark or its values, never hidden by distinct ids.
 */
export interface ShopOptions {
  mark?: string;
  scale?: number;
}

export const SHOP_PERIOD = { from: new Date('2025-03-08T00:00:00Z'), to: new Date('2025-03-15T00:00:00Z') };
export const SHOP_RUN_FILES = ['shop.csv', 'other.csv'];

const t = (iso: string) => toClickHouseTime(new Date(iso));

export async function loadShop(
  db: Database,
  workspaceId = 'shop',
  options: ShopOptions = {},
): Promise<{ runId: string }> {
  const mark = options.mark ?? '';
  const scale = options.scale ?? 1;
  const customers = [
    { id: 'u1', name: `Zoë Müller${mark}`, email: `zoe${mark}@example.com`, segment: 'vip' },
    { id: 'u2', name: `100% Cotton_Fan${mark}`, email: `cotton${mark}@shop.test`, segment: 'consumer' },
    { id: 'u3', name: `Ali${mark}`, email: `ali${mark}@example.org`, segment: 'consumer' },
    { id: 'u4', name: `Bob O'Brien; DROP TABLE customers;--${mark}`, email: `bob${mark}@x.test`, segment: 'smb' },
  ];
  await db.client.insert({
    table: 'workspaces',
    format: 'JSONEachRow',
    values: [{ workspace_id: workspaceId, name: `Shop${mark}`, timezone: 'UTC', currency: 'EUR', sla_hours: 24 }],
  });
  await db.client.insert({
    table: 'brands',
    format: 'JSONEachRow',
    values: [{ workspace_id: workspaceId, brand: 'shop', name: `Shop${mark}`, is_own: true, handles: ['shop'] }],
  });
  const run = await IngestRun.start(db, workspaceId, 'fixture', SHOP_RUN_FILES);
  for (const c of customers) {
    await run.add('customers', {
      workspace_id: workspaceId,
      customer_id: c.id,
      name: c.name,
      email: c.email,
      segment: c.segment,
      lifecycle_stage: 'active',
      country: 'DE',
      first_seen_at: t('2024-06-01T00:00:00Z'),
      attributes: {},
      source: 'fixture',
      version: run.version,
    });
  }
  const identities: [string, string, string][] = [
    ['twitter', `zoe_m${mark.toLowerCase()}`, 'u1'],
    ['email', `zoe${mark}@example.com`, 'u1'],
    ['twitter', `ali_${mark.toLowerCase()}`, 'u3'],
    ['whatsapp', '+4915100000', 'u3'],
  ];
  for (const [kind, handle, customer] of identities) {
    await run.add('identities', {
      workspace_id: workspaceId,
      kind,
      handle,
      customer_id: customer,
      followers: kind === 'twitter' ? 200 : null,
      version: run.version,
    });
  }
  const interaction = (
    id: string,
    at: string,
    channel: Channel,
    fields: Partial<InteractionRow> & { direction: InteractionRow['direction'] },
  ): Record<string, unknown> => {
    const row: InteractionRow = {
      workspace_id: workspaceId,
      interaction_id: id,
      source: 'fixture',
      brand: 'shop',
      channel,
      is_public: channel === 'twitter',
      created_at: t(at),
      thread_id: fields.parent_id || id,
      parent_id: '',
      author_kind: 'customer',
      author_handle: '',
      author_followers: null,
      customer_id: '',
      agent: '',
      is_automated: false,
      text: '',
      lang: 'en',
      sentiment: null,
      sentiment_source: '',
      topics: [],
      csat: null,
      ingest_run_id: run.runId,
      version: run.version,
      ...fields,
    };
    return { ...row };
  };
  const inbound = [
    interaction('a1', '2025-03-10T10:00:00Z', 'twitter', {
      direction: 'inbound',
      customer_id: 'u1',
      author_handle: `@zoe_m${mark}`,
      author_followers: 200 * scale,
      text: `Where is my parcel?${mark}`,
      sentiment: -0.5,
      sentiment_source: 'fixture',
    }),
    interaction('a2', '2025-03-11T09:00:00Z', 'email', {
      direction: 'inbound',
      customer_id: 'u1',
      author_handle: `zoe${mark}@example.com`,
      text: `Thanks, "it" arrived, great${mark}`,
      sentiment: 0.75,
      sentiment_source: 'fixture',
    }),
    interaction('a3', '2025-03-12T08:00:00Z', 'chat', {
      direction: 'inbound',
      customer_id: 'u3',
      author_handle: `ali${mark}`,
      text: `line one\nline two${mark}`,
      sentiment: 0,
      sentiment_source: 'fixture',
    }),
    interaction('a4', '2025-03-13T12:00:00Z', 'twitter', {
      direction: 'inbound',
      customer_id: 'u2',
      author_handle: `@cotton${mark}`,
      author_followers: 5000 * scale,
      text: `=cmd|' /C calc'!A0 worst shop${mark}`,
      sentiment: -0.875,
      sentiment_source: 'fixture',
    }),
    // Before the period: in the timeline, not in the export of SHOP_PERIOD.
    interaction('a0', '2025-03-01T08:00:00Z', 'email', {
      direction: 'inbound',
      customer_id: 'u1',
      author_handle: `zoe${mark}@example.com`,
      text: `Hello${mark}`,
      sentiment: 0.5,
      sentiment_source: 'fixture',
    }),
  ];
  const outbound = [
    interaction('ar1', '2025-03-10T10:15:00Z', 'twitter', {
      direction: 'outbound',
      parent_id: 'a1',
      author_kind: 'agent',
      author_handle: 'shop',
      agent: 'ann',
      text: `Sorry, checking now${mark}`,
    }),
    interaction('ab3', '2025-03-12T08:00:05Z', 'chat', {
      direction: 'outbound',
      parent_id: 'a3',
      author_kind: 'bot',
      author_handle: 'shop',
      is_automated: true,
      text: `Bot here${mark}`,
    }),
  ];
  for (const row of [...inbound, ...outbound]) await run.add('interactions', row);
  await run.addRelated('engagement', {
    workspace_id: workspaceId,
    interaction_id: 'a4',
    captured_at: t('2025-03-13T18:00:00Z'),
    likes: 3 * scale,
    shares: 7 * scale,
    quotes: 1 * scale,
    replies: 0,
    impressions: 12_000 * scale,
  });
  const transaction = (id: string, customer: string, at: string, kind: string, amount: number) => ({
    workspace_id: workspaceId,
    transaction_id: id,
    customer_id: customer,
    occurred_at: t(at),
    kind,
    amount: (amount * scale).toFixed(2),
    currency: 'EUR',
    source: 'fixture',
    ingest_run_id: run.runId,
    version: run.version,
  });
  await run.add('transactions', transaction('t1', 'u1', '2025-03-09T10:00:00Z', 'purchase', 120));
  await run.add('transactions', transaction('t2', 'u1', '2025-03-12T10:00:00Z', 'refund', 20));
  await run.add('transactions', transaction('t3', 'u3', '2025-03-01T10:00:00Z', 'purchase', 35.5));
  await run.reject('shop.csv', 7, `missing created_at${mark}`, `x,y,z${mark}`);
  await run.reject('shop.csv', 3, `unknown channel "fax"${mark}`, `a,fax${mark}`);
  await run.reject('other.csv', 1, `bad header${mark}`, `id;text${mark}`);
  await run.finish();
  await modelRuns(db, workspaceId, scale);
  return { runId: run.runId };
}

/** Two CLV runs written as the fit writes them; the later one is the customers' current value. */
async function modelRuns(db: Database, workspaceId: string, scale: number): Promise<void> {
  const run = (runId: string, fittedAt: string, r: number) =>
    ['bgnbd', 'gamma_gamma'].map((model) => ({
      workspace_id: workspaceId,
      run_id: runId,
      segment: '*',
      model,
      parameters:
        model === 'bgnbd' ? { r: r * scale, alpha: 4.4, a: 0.79, b: 2.4 } : { p: 6.25, q: 3.74, v: 15.4 * scale },
      standard_errors: model === 'bgnbd' ? { r: 0.01 } : {},
      log_likelihood: -9582.4 * scale,
      customers: 3,
      pooled: false,
      calibration_end: t('2025-03-14T23:59:59.999Z'),
      horizon_months: 12,
      monthly_discount: 0.01,
      data_from: t('2025-03-01T00:00:00Z'),
      data_to: t('2025-03-14T23:59:59.999Z'),
      fitted_at: t(fittedAt),
      note: '',
    }));
  await db.client.insert({
    table: 'model_runs',
    format: 'JSONEachRow',
    values: [...run('run-old', '2025-03-15T01:00:00Z', 0.2), ...run('run-new', '2025-03-16T01:00:00Z', 0.24)],
  });
  const value = (runId: string, clv: number, pAlive: number, at: string) => ({
    workspace_id: workspaceId,
    run_id: runId,
    customer_id: 'u1',
    segment: 'vip',
    frequency: 1,
    recency_days: 3,
    t_days: 6,
    monetary_mean: 100 * scale,
    p_alive: pAlive,
    expected_purchases: 2.5,
    expected_avg_value: 110 * scale,
    predicted_clv: clv * scale,
    historical_value: 100 * scale,
    computed_at: t(at),
  });
  await db.client.insert({
    table: 'customer_value',
    format: 'JSONEachRow',
    values: [value('run-old', 50, 0.5, '2025-03-15T01:00:00Z'), value('run-new', 321.5, 0.8, '2025-03-16T01:00:00Z')],
  });
}

/**
 * Enumerations of the data model, the allow-lists that validation and the where-builder use.
 * The database stores them as LowCardinality strings; these lists are the contract.
 */
export const CHANNELS = [
  'phone',
  'email',
  'chat',
  'twitter',
  'facebook',
  'instagram',
  'whatsapp',
  'line',
  'wechat',
  'messenger',
  'reviews',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels whose messages are public by nature (visible to others, can be amplified). */
export const PUBLIC_CHANNELS: readonly Channel[] = ['twitter', 'facebook', 'instagram', 'reviews'];

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const IDENTITY_KINDS = [
  'email',
  'phone',
  'twitter',
  'facebook',
  'instagram',
  'whatsapp',
  'line',
  'wechat',
  'messenger',
  'chat',
  'zendesk',
  'external',
] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const TRANSACTION_KINDS = ['purchase', 'refund', 'invoice'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/** Row shapes as inserted (JSONEachRow). 64-bit integers are strings (quoted in JSON). */
export interface InteractionRow {
  workspace_id: string;
  interaction_id: string;
  source: string;
  brand: string;
  channel: Channel;
  direction: Direction;
  is_public: boolean;
  /** 'YYYY-MM-DD hh:mm:ss.sss' UTC */
  created_at: string;
  thread_id: string;
  parent_id: string;
  author_kind: string;
  author_handle: string;
  author_followers: number | null;
  customer_id: string;
  agent: string;
  is_automated: boolean;
  text: string;
  lang: string;
  sentiment: number | null;
  sentiment_source: string;
  topics: string[];
  csat: number | null;
  ingest_run_id: string;
  version: number;
}

export interface CustomerRow {
  workspace_id: string;
  customer_id: string;
  name: string;
  email: string;
  segment: string;
  lifecycle_stage: string;
  country: string;
  first_seen_at: string;
  attributes: Record<string, string>;
  source: string;
  version: number;
}

export interface IdentityRow {
  workspace_id: string;
  kind: string;
  handle: string;
  customer_id: string;
  followers: number | null;
  version: number;
}

export interface TransactionRow {
  workspace_id: string;
  transaction_id: string;
  customer_id: string;
  occurred_at: string;
  kind: TransactionKind;
  amount: string | number;
  currency: string;
  source: string;
  ingest_run_id: string;
  version: number;
}

export interface EngagementRow {
  workspace_id: string;
  interaction_id: string;
  captured_at: string;
  likes: number;
  shares: number;
  quotes: number;
  replies: number;
  impressions: number | null;
}

/** ClickHouse DateTime64(3) text for a JS date, in UTC. */
export function toClickHouseTime(date: Date | number): string {
  return new Date(date).toISOString().replace('T', ' ').replace('Z', '');
}

import * as path from 'node:path';
import type { Database } from '@resonance/sql';
import { loadFiles, type LoadOptions } from '../src/load/load-files';
import type { RunSummary } from '../src/load/ingest-run';
import { findSource } from '../src/sources';
import { defaultScorer } from '../src/transforms/scoring';

export const FIXTURES = path.join(__dirname, 'fixtures');

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

/** Loads files through the same path as `resonance ingest`. */
export async function ingest(
  db: Database,
  source: string,
  files: string[],
  workspaceId: string,
  options: Partial<LoadOptions> = {},
): Promise<RunSummary> {
  const found = findSource(source);
  if (!found) throw new Error(`no source ${source}`);
  return loadFiles(db, found, files, { workspaceId, scorer: defaultScorer(), ...options });
}

export async function query<T>(db: Database, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await db.client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
  return result.json<T>();
}

/** What a dashboard would show of a workspace: the figures a re-load must not change. */
export interface Figures {
  interactions: string;
  inbound: string;
  answered: string;
  frtSeconds: string;
  withCustomer: string;
  scored: string;
  sentimentSum: string;
  engagement: string;
  transactions: string;
  amount: string;
  identities: string;
  customers: string;
}

/** The figures query, parameter {w:String}: shared with the crash test's child processes. */
export const FIGURES_SQL = `SELECT
       (SELECT toString(count()) FROM interactions FINAL WHERE workspace_id = {w:String}) AS interactions,
       (SELECT toString(countIf(direction = 'inbound')) FROM interactions FINAL WHERE workspace_id = {w:String}) AS inbound,
       (SELECT toString(countIf(first_reply_at IS NOT NULL)) FROM interactions FINAL WHERE workspace_id = {w:String}) AS answered,
       (SELECT toString(sum(dateDiff('second', created_at, first_reply_at))) FROM interactions FINAL WHERE workspace_id = {w:String}) AS frtSeconds,
       (SELECT toString(countIf(customer_id != '')) FROM interactions FINAL WHERE workspace_id = {w:String}) AS withCustomer,
       (SELECT toString(countIf(sentiment IS NOT NULL)) FROM interactions FINAL WHERE workspace_id = {w:String}) AS scored,
       (SELECT toString(round(sum(sentiment), 4)) FROM interactions FINAL WHERE workspace_id = {w:String}) AS sentimentSum,
       (SELECT toString(count()) FROM engagement FINAL WHERE workspace_id = {w:String}) AS engagement,
       (SELECT toString(count()) FROM transactions FINAL WHERE workspace_id = {w:String}) AS transactions,
       (SELECT toString(sum(amount)) FROM transactions FINAL WHERE workspace_id = {w:String}) AS amount,
       (SELECT toString(count()) FROM identities FINAL WHERE workspace_id = {w:String}) AS identities,
       (SELECT toString(count()) FROM customers FINAL WHERE workspace_id = {w:String}) AS customers`;

export async function figures(db: Database, workspaceId: string): Promise<Figures> {
  const [row] = await query<Figures>(db, FIGURES_SQL, { w: workspaceId });
  return row!;
}

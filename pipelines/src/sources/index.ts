import { customersSource, identitiesSource, interactionsSource, transactionsSource } from './generic';
import type { Source } from './source';
import { twcsSource } from './twcs';
import { twitterV2Source } from './twitter-v2';
import { zendeskSource } from './zendesk';

/** Every source `resonance ingest` knows, by name. */
export const SOURCES: readonly Source[] = [
  interactionsSource,
  customersSource,
  identitiesSource,
  transactionsSource,
  twcsSource,
  twitterV2Source,
  zendeskSource,
];

export function findSource(name: string): Source | undefined {
  return SOURCES.find((s) => s.name === name);
}

export type { Source, SourceContext, SourceLimits } from './source';
export { DEFAULT_LIMITS } from './source';
export { InputError } from './input';
export { readMapping, parseMapping, DEFAULT_MAPPING, type Mapping } from './mapping';

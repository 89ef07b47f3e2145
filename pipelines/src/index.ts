export * from './load/ingest-run';
export * from './load/rollups';
export * from './sentiment';
export * from './clv';
export * from './demo';
export * from './load/load-files';
export * from './sources';
export { defaultScorer } from './transforms/scoring';
export { normaliseHandle, toE164 } from './transforms/identity';

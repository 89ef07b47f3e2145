export * from './load/ingest-run';
export * from './sentiment';
export * from './clv';
export * from './demo';

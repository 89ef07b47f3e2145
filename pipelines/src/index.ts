export * from './load/ingest-run';
export * from './sentiment';

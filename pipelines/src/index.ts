export * from './load/ingest-run';

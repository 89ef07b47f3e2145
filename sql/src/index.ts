export * from './config';
export * from './client';
export * from './migrate';
export * from './queries';
export * from './statements';
export * from './model';
export * from './filter';
export * from './testing/test-database';

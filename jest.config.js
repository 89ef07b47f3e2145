// One jest run for every workspace. TypeScript is compiled by SWC (with decorator metadata, which
// NestJS needs); workspace packages resolve to their sources, so tests never need a build first.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@resonance/(sql|pipelines|api)$': '<rootDir>/$1/src/index.ts',
    // bench imports the api's compiled files (…/dist/…): tests read their sources.
    '^@resonance/(sql|pipelines|api)/dist/(.*)$': '<rootDir>/$1/src/$2',
    '^@resonance/(sql|pipelines|api)/(.*)$': '<rootDir>/$1/src/$2',
  },
  testMatch: ['<rootDir>/*/src/**/*.test.ts', '<rootDir>/*/src/**/*.test.tsx', '<rootDir>/*/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // ClickHouse work and browser tests take seconds, not milliseconds.
  testTimeout: 120_000,
  // chDB locks a data directory per process: each worker opens its own (see test helpers).
  maxWorkers: process.env.CI ? 2 : '50%',
};

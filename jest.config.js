// Tests run as native ES modules (NestJS 12 is ESM-only), so Jest needs --experimental-vm-modules (see package.json).
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // The libraries' subpath imports (package.json "imports"), to their TypeScript sources.
    '^#(domain|event-store|read-models|platform)$': '<rootDir>/libs/$1/src/index.ts',
    '^#event-store/kurrentdb$': '<rootDir>/libs/event-store/src/kurrentdb/kurrentdb-event-store.ts',
    '^#test-support/(.*)\\.js$': '<rootDir>/test/support/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/{apps,libs,seeds,test}/**/*.(spec|test).ts'],
  // One real PostgreSQL for the whole run; every test file gets its own database (see test/support/database.ts).
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 30000,
  maxWorkers: 2,
};

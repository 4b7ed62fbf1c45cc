/**
 * Jest for @shareworthy/tracker, on core's conventions: swc compiles TypeScript, sources use
 * NodeNext `.js` import suffixes. `@shareworthy/core` maps to its TypeScript sources so the
 * tests always run against the core in the working tree, not a stale `dist/`.
 */
module.exports = {
  displayName: 'tracker',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleNameMapper: {
    '^@shareworthy/core$': '<rootDir>/../../core/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/test/global-setup.cjs',
  // Each suite starts real servers and databases; on 2 cores, two workers at a time is what fits.
  maxWorkers: 2,
  testTimeout: 30000,
  reporters: [
    'default',
    ['jest-junit', { outputDirectory: process.env.SHAREWORTHY_TEST_RESULTS ?? '../../test-results', outputName: 'tracker.xml' }],
  ],
};

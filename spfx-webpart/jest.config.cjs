/**
 * Plain Jest with swc over the TypeScript sources (Heft builds the bundles, Jest runs here
 * directly so that PnPjs, which ships ESM only, can be transformed). JUnit goes where the
 * root `npm test` sums reports.
 */
const path = require('node:path');

const results = process.env.SHAREWORTHY_TEST_RESULTS ?? path.join(__dirname, 'test-results');
const react17 = (name) => path.join(__dirname, 'node_modules', name);

module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  testEnvironment: 'jsdom',
  setupFiles: ['<rootDir>/test/setup.cjs'],
  transform: {
    // SPFx's loc files are AMD modules (define([], factory)).
    '[\\\\/]loc[\\\\/][^\\\\/]+\\.js$': '<rootDir>/test/amd-loc-transform.cjs',
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'classic' } }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp|@shareworthy)/)'],
  moduleNameMapper: {
    // CSS modules: class name = key, so tests can still tell classes apart.
    '\\.module\\.scss$': '<rootDir>/test/style-stub.cjs',
    '^ShareWebPartStrings$': '<rootDir>/src/webparts/share/loc/en-us.js',
    '^FeedWebPartStrings$': '<rootDir>/src/webparts/feed/loc/en-us.js',
    '^ReportWebPartStrings$': '<rootDir>/src/webparts/report/loc/en-us.js',
    // One React 17 for everything: Fluent UI is hoisted to the root, where React 18 (WordPress) lives.
    '^react$': react17('react'),
    '^react/(.*)$': `${react17('react')}/$1`,
    '^react-dom$': react17('react-dom'),
    '^react-dom/(.*)$': `${react17('react-dom')}/$1`,
  },
  reporters: ['default', ['jest-junit', { outputDirectory: results, outputName: 'spfx.xml', suiteName: 'spfx-webpart' }]],
};

/** Jest for @shareworthy/core: swc compiles TypeScript; sources use NodeNext `.js` import suffixes. */
module.exports = {
  displayName: 'core',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  reporters: [
    'default',
    ['jest-junit', { outputDirectory: process.env.SHAREWORTHY_TEST_RESULTS ?? '../test-results', outputName: 'core.xml' }],
  ],
};

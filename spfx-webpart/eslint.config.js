/**
 * ESLint 9 flat config: SharePoint Framework 1.23.2's own React profile
 * (`@microsoft/eslint-config-spfx`), the flat twin of the `.eslintrc.js` the SPFx generator
 * writes. Flat because Heft's lint step refuses `.eslintrc.js` with ESLint 9, the ESLint the
 * repository's root already has. Heft lints `src/` during `npm run build`; `npm run lint` also
 * lints the tests and the harness.
 */
const react = require('@microsoft/eslint-config-spfx/lib/flat-profiles/react');

module.exports = [
  ...react,
  {
    files: ['**/*.ts', '**/*.tsx'],
    // The profile's `project` is ./tsconfig.json (src only); the tests and the harness have their own.
    languageOptions: { parserOptions: { tsconfigRootDir: __dirname, project: ['./tsconfig.json', './test/tsconfig.json'] } },
  },
];

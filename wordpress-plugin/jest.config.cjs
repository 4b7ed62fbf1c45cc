/**
 * Jest for the plugin's JavaScript: swc compiles JSX (React automatic runtime) and core's
 * TypeScript, which is read from source like webpack does (see webpack.config.js).
 */
// The date tests need a zone with daylight saving; set before the workers start.
process.env.TZ = 'Europe/Paris';

const swc = ( parser ) => [
	'@swc/jest',
	{
		jsc: { parser, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
		module: { type: 'commonjs' },
	},
];

module.exports = {
	displayName: 'wordpress-plugin',
	// jsdom for the components; tools/jest-setup.js adds the TextEncoder core needs.
	testEnvironment: 'jsdom',
	roots: [ '<rootDir>/src', '<rootDir>/tools' ],
	setupFiles: [ '<rootDir>/tools/jest-setup.js' ],
	testMatch: [ '**/*.test.js' ],
	transform: {
		'^.+\\.ts$': swc( { syntax: 'typescript' } ),
		'^.+\\.m?js$': swc( { syntax: 'ecmascript', jsx: true } ),
	},
	// @wordpress/components pulls in uuid and @wordpress/theme, which ship ESM only.
	transformIgnorePatterns: [ '/node_modules/(?!(uuid|@wordpress/theme)/)' ],
	moduleNameMapper: {
		'^@shareworthy/core$': '<rootDir>/../core/src/index.ts',
		'^(\\.{1,2}/.*)\\.js$': '$1',
		'\\.s?css$': '<rootDir>/tools/style-stub.js',
	},
	reporters: [
		'default',
		[ 'jest-junit', { outputDirectory: process.env.SHAREWORTHY_TEST_RESULTS ?? '../test-results', outputName: 'wordpress-plugin-js.xml' } ],
	],
};

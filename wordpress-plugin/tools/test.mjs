#!/usr/bin/env node
/**
 * `npm test` in wordpress-plugin/: every suite of the plugin, each writing JUnit into
 * $SHAREWORTHY_TEST_RESULTS, one after the other (a failing suite does not hide the others):
 *
 * 1. PHPUnit on the real local WordPress (bin/test.mjs, owned by the server side);
 * 2. Jest for the blocks, sidebar and tools (wordpress-plugin-js.xml);
 * 3. the browser tests, every tests/e2e/*.test.mjs (e2e.xml).
 */
/* eslint-disable no-console -- a command-line tool reports on stdout. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const plugin = join( dirname( fileURLToPath( import.meta.url ) ), '..' );
const root = join( plugin, '..' );
const results =
	process.env.SHAREWORTHY_TEST_RESULTS ?? join( root, 'test-results' );
mkdirSync( results, { recursive: true } );
const env = { ...process.env, SHAREWORTHY_TEST_RESULTS: results };

const suites = [
	[
		'PHPUnit',
		process.execPath,
		[ join( plugin, 'bin', 'test.mjs' ) ],
		existsSync( join( plugin, 'bin', 'test.mjs' ) ),
	],
	[
		'Jest',
		process.execPath,
		[ join( root, 'node_modules', 'jest', 'bin', 'jest.js' ), '--ci' ],
		true,
	],
	[
		'browser',
		process.execPath,
		[
			'--test',
			'--test-reporter=spec',
			'--test-reporter-destination=stdout',
			'--test-reporter=junit',
			`--test-reporter-destination=${ join( results, 'e2e.xml' ) }`,
			...readdirSync( join( root, 'tests', 'e2e' ) )
				.filter( ( name ) => name.endsWith( '.test.mjs' ) )
				.sort()
				.map( ( name ) => join( root, 'tests', 'e2e', name ) ),
		],
		true,
	],
];

let failed = 0;
for ( const [ name, command, args, present ] of suites ) {
	if ( ! present ) {
		continue;
	}
	console.log( `\n--- wordpress-plugin: ${ name } ---` );
	const run = spawnSync( command, args, {
		cwd: name === 'browser' ? root : plugin,
		stdio: 'inherit',
		env,
	} );
	if ( run.status !== 0 ) {
		failed++;
		console.log(
			`wordpress-plugin: ${ name } suite exited with ${ run.status ?? run.signal }`
		);
	}
}
process.exit( failed ? 1 : 0 );

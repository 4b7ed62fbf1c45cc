#!/usr/bin/env node
/**
 * Extracts the plugin's strings (PHP, JS sources, block.json, plugin header) and merges them
 * into languages/shareworthy-fr_FR.po, then compiles the .mo with msgfmt (Debian gettext).
 * Prints what was added, removed, and is still untranslated; exits 1 when something is
 * untranslated and `--check` is given (every string ships in English and French).
 */
/* eslint-disable no-console -- a command-line tool reports on stdout. */
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	readFileSync,
	readdirSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import po from './po.js';

const plugin = join( dirname( fileURLToPath( import.meta.url ) ), '..' );
const poFile = join( plugin, 'languages', 'shareworthy-fr_FR.po' );

function walk( dir, out = [] ) {
	for ( const name of readdirSync( dir ) ) {
		const path = join( dir, name );
		if (
			[
				'node_modules',
				'build',
				'generated',
				'tests',
				'bin',
				'tools',
			].includes( name )
		) {
			continue;
		}
		if ( statSync( path ).isDirectory() ) {
			walk( path, out );
		} else {
			out.push( path );
		}
	}
	return out;
}

const strings = [];
const header = readFileSync( join( plugin, 'shareworthy.php' ), 'utf8' );
for ( const [ field, context ] of [
	[ 'Plugin Name', 'Plugin Name of the plugin' ],
	[ 'Description', 'Description of the plugin' ],
] ) {
	const value = new RegExp( `^\\s*\\*\\s*${ field }:\\s*(.+)$`, 'm' )
		.exec( header )?.[ 1 ]
		.trim();
	if ( value ) {
		strings.push( {
			msgid: value,
			msgctxt: context,
			reference: 'shareworthy.php',
		} );
	}
}
for ( const file of walk( plugin ).sort() ) {
	const rel = relative( plugin, file );
	if ( file.endsWith( '.php' ) ) {
		strings.push(
			...po.extractStrings( readFileSync( file, 'utf8' ), rel, 'php' )
		);
	} else if ( /\.js$/.test( file ) && ! file.endsWith( '.test.js' ) ) {
		strings.push(
			...po.extractStrings( readFileSync( file, 'utf8' ), rel, 'js' )
		);
	} else if ( file.endsWith( 'block.json' ) ) {
		strings.push(
			...po.blockJsonStrings(
				JSON.parse( readFileSync( file, 'utf8' ) ),
				rel
			)
		);
	}
}

const current = existsSync( poFile )
	? po.parsePo( readFileSync( poFile, 'utf8' ) )
	: {
			header: '',
			headerComments: [ '# French translation of Shareworthy.' ],
			entries: [],
		};
const defaults = {
	'Project-Id-Version': 'Shareworthy 0.1.0',
	'Report-Msgid-Bugs-To': 'https://github.com/shareworthy/shareworthy/issues',
	'Language-Team': 'French',
	Language: 'fr_FR',
	'MIME-Version': '1.0',
	'Content-Type': 'text/plain; charset=UTF-8',
	'Content-Transfer-Encoding': '8bit',
	'Plural-Forms': 'nplurals=2; plural=(n > 1);',
	'X-Domain': 'shareworthy',
};
const headers = new Map( Object.entries( defaults ) );
for ( const line of current.header.split( '\n' ) ) {
	const at = line.indexOf( ':' );
	if ( at > 0 ) {
		headers.set( line.slice( 0, at ), line.slice( at + 1 ).trim() );
	}
}
const merged = po.mergeEntries( current.entries, strings );
writeFileSync(
	poFile,
	po.serializePo(
		[ ...headers ].map( ( [ k, v ] ) => `${ k }: ${ v }\n` ).join( '' ),
		merged.entries,
		current.headerComments
	)
);
execFileSync(
	'msgfmt',
	[ '--check-format', '-o', poFile.replace( /\.po$/, '.mo' ), poFile ],
	{ stdio: 'inherit' }
);

const show = ( label, list ) =>
	list.length &&
	console.log(
		`${ label } (${ list.length }):\n  ${ list.map( ( k ) => k.replace( '\u0004', ' | ' ) ).join( '\n  ' ) }`
	);
show( 'added', merged.added );
show( 'removed', merged.removed );
show( 'untranslated', merged.untranslated );
console.log(
	`${ merged.entries.length } strings, ${ merged.untranslated.length } untranslated`
);
if ( process.argv.includes( '--check' ) && merged.untranslated.length ) {
	process.exit( 1 );
}

#!/usr/bin/env node
/**
 * After `wp-scripts build`: writes languages/shareworthy-fr_FR-{md5}.json for every built
 * script that has translated strings (what `wp i18n make-json` does). The md5 is of the
 * script's path relative to the plugin (`build/sidebar/index.js`), as load_script_textdomain()
 * computes it. Script modules (view.js) get their strings from PHP instead: WordPress has no
 * script-module translations.
 */
/* eslint-disable no-console -- a command-line tool reports on stdout. */
import {
	existsSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import po from './po.js';

const plugin = join( dirname( fileURLToPath( import.meta.url ) ), '..' );
const languages = join( plugin, 'languages' );

function walk( dir, out = [] ) {
	for ( const name of readdirSync( dir ) ) {
		const path = join( dir, name );
		if ( statSync( path ).isDirectory() ) {
			walk( path, out );
		} else {
			out.push( path );
		}
	}
	return out;
}

for ( const name of readdirSync( languages ) ) {
	if ( /^shareworthy-.+-[0-9a-f]{32}\.json$/.test( name ) ) {
		rmSync( join( languages, name ) );
	}
}
for ( const poName of readdirSync( languages ).filter( ( n ) =>
	/^shareworthy-(.+)\.po$/.test( n )
) ) {
	const locale = /^shareworthy-(.+)\.po$/.exec( poName )[ 1 ];
	const { header, entries } = po.parsePo(
		readFileSync( join( languages, poName ), 'utf8' )
	);
	const plural =
		/Plural-Forms:\s*(.+)/.exec( header )?.[ 1 ].trim() ??
		'nplurals=2; plural=(n != 1);';
	// Classic scripts only: each has an .asset.php beside it and is not a module.
	const scripts = walk( join( plugin, 'build' ) ).filter( ( file ) => {
		if (
			! file.endsWith( '.js' ) ||
			! existsSync( file.replace( /\.js$/, '.asset.php' ) )
		) {
			return false;
		}
		return ! readFileSync(
			file.replace( /\.js$/, '.asset.php' ),
			'utf8'
		).includes( "'type' => 'module'" );
	} );
	for ( const script of scripts ) {
		const source = relative( plugin, script ).split( '\\' ).join( '/' );
		const result = po.scriptTranslations(
			entries,
			readFileSync( script, 'utf8' ),
			source,
			locale,
			plural
		);
		if ( result.count === 0 ) {
			continue;
		}
		writeFileSync(
			join( languages, result.file ),
			JSON.stringify( result.json )
		);
		console.log(
			`make-json: ${ result.file } (${ source }, ${ result.count } strings)`
		);
	}
}

/**
 * Gettext without WP-CLI (Composer's registry is not reachable here): extract the plugin's
 * strings from PHP, JS and block.json, keep `languages/shareworthy-fr_FR.po` in step, and
 * write the JSON (Jed 1.x) files WordPress loads for scripts with `wp_set_script_translations`.
 */
const { createHash } = require( 'crypto' );

const DOMAIN = 'shareworthy';

/**
 * Reads a C-style string literal body (PO and JS/PHP double quotes share the escapes used here).
 *
 * @param {string} body Text between the quotes.
 * @return {string} The value.
 */
function unescapeC( body ) {
	return body.replace(
		/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g,
		( _, e ) => {
			const map = {
				n: '\n',
				t: '\t',
				r: '\r',
				'"': '"',
				"'": "'",
				'\\': '\\',
				$: '$',
				0: '\0',
			};
			if ( e[ 0 ] === 'u' ) {
				return String.fromCodePoint(
					parseInt( e.replace( /[u{}]/g, '' ), 16 )
				);
			}
			if ( e[ 0 ] === 'x' ) {
				return String.fromCharCode( parseInt( e.slice( 1 ), 16 ) );
			}
			return e in map ? map[ e ] : '\\' + e;
		}
	);
}

/**
 * Value of a PHP string literal (single quotes: only \\ and \' are escapes).
 *
 * @param {string} quote `'` or `"`.
 * @param {string} body  Text between the quotes.
 * @return {string} The value.
 */
function phpString( quote, body ) {
	return quote === "'"
		? body.replace( /\\([\\'])/g, '$1' )
		: unescapeC( body );
}

/**
 * Parses a PO file.
 *
 * @param {string} text PO source.
 * @return {{ header: string, headerComments: string[], entries: Array<{ comments: string[], msgctxt?: string, msgid: string, msgidPlural?: string, msgstr: string[] }> }} The header (msgstr of the empty msgid) and the entries.
 */
function parsePo( text ) {
	const entries = [];
	let header = '';
	let headerComments = [];
	for ( const block of text.split( /\r?\n\s*\r?\n/ ) ) {
		const entry = { comments: [], msgstr: [] };
		let field = null;
		let index = 0;
		for ( const line of block.split( /\r?\n/ ) ) {
			if ( line.startsWith( '#' ) ) {
				entry.comments.push( line );
				continue;
			}
			const start =
				/^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+"(.*)"\s*$/.exec(
					line
				);
			const more = /^\s*"(.*)"\s*$/.exec( line );
			if ( start ) {
				field = start[ 1 ];
				index = Number( start[ 2 ] ?? 0 );
				append( entry, field, index, unescapeC( start[ 3 ] ) );
			} else if ( more && field ) {
				append( entry, field, index, unescapeC( more[ 1 ] ) );
			}
		}
		if ( entry.msgid === undefined ) {
			continue;
		}
		if ( entry.msgid === '' && entry.msgctxt === undefined ) {
			header = entry.msgstr[ 0 ] ?? '';
			headerComments = entry.comments;
		} else {
			entries.push( entry );
		}
	}
	return { header, headerComments, entries };
}

function append( entry, field, index, value ) {
	if ( field === 'msgstr' ) {
		entry.msgstr[ index ] = ( entry.msgstr[ index ] ?? '' ) + value;
	} else {
		const key = field === 'msgid_plural' ? 'msgidPlural' : field;
		entry[ key ] = ( entry[ key ] ?? '' ) + value;
	}
}

/**
 * A PO string literal, split after line breaks as gettext tools do.
 *
 * @param {string} keyword `msgid`, `msgstr[0]`, …
 * @param {string} value   Value.
 * @return {string} One or more lines.
 */
function poString( keyword, value ) {
	const escape = ( s ) =>
		s
			.replace( /\\/g, '\\\\' )
			.replace( /"/g, '\\"' )
			.replace( /\n/g, '\\n' )
			.replace( /\t/g, '\\t' );
	const parts = value.split( /(?<=\n)/ );
	if ( parts.length <= 1 ) {
		return `${ keyword } "${ escape( value ) }"`;
	}
	return [
		`${ keyword } ""`,
		...parts.map( ( part ) => `"${ escape( part ) }"` ),
	].join( '\n' );
}

/**
 * Writes a PO file.
 *
 * @param {string}   header           Header text (msgstr of the empty msgid).
 * @param {Array}    entries          Entries as `parsePo` returns them.
 * @param {string[]} [headerComments] Comment lines above the header (title, licence).
 * @return {string} PO source.
 */
function serializePo( header, entries, headerComments = [] ) {
	const blocks = [
		[ ...headerComments, 'msgid ""', poString( 'msgstr', header ) ].join(
			'\n'
		),
	];
	for ( const entry of entries ) {
		const lines = [ ...entry.comments ];
		if ( entry.msgctxt !== undefined ) {
			lines.push( poString( 'msgctxt', entry.msgctxt ) );
		}
		lines.push( poString( 'msgid', entry.msgid ) );
		if ( entry.msgidPlural !== undefined ) {
			lines.push( poString( 'msgid_plural', entry.msgidPlural ) );
			const forms = Math.max( 2, entry.msgstr.length );
			for ( let i = 0; i < forms; i++ ) {
				lines.push(
					poString( `msgstr[${ i }]`, entry.msgstr[ i ] ?? '' )
				);
			}
		} else {
			lines.push( poString( 'msgstr', entry.msgstr[ 0 ] ?? '' ) );
		}
		blocks.push( lines.join( '\n' ) );
	}
	return blocks.join( '\n\n' ) + '\n';
}

const STRING = String.raw`(['"])((?:\\.|(?!\1)[^\\])*)\1`;
/** Gettext calls: name, then the literal arguments before the text domain. */
const CALLS = {
	__: [ 'msgid' ],
	_e: [ 'msgid' ],
	esc_html__: [ 'msgid' ],
	esc_html_e: [ 'msgid' ],
	esc_attr__: [ 'msgid' ],
	esc_attr_e: [ 'msgid' ],
	_x: [ 'msgid', 'msgctxt' ],
	esc_html_x: [ 'msgid', 'msgctxt' ],
	esc_attr_x: [ 'msgid', 'msgctxt' ],
	_n: [ 'msgid', 'msgidPlural', null ],
};

/**
 * Finds the translatable strings of one source file (PHP or JS) for the `shareworthy` domain.
 *
 * @param {string}     source   Source text.
 * @param {string}     file     Path for the reference comment.
 * @param {'php'|'js'} language How string literals are written.
 * @return {Array<{ msgid: string, msgctxt?: string, msgidPlural?: string, reference: string, translator?: string }>} Strings in order.
 */
function extractStrings( source, file, language ) {
	const found = [];
	const names = Object.keys( CALLS )
		.sort( ( a, b ) => b.length - a.length )
		.join( '|' );
	const call = new RegExp(
		String.raw`(?<![\w$>:])(${ names })\s*\(\s*`,
		'g'
	);
	let match;
	while ( ( match = call.exec( source ) ) ) {
		const shape = CALLS[ match[ 1 ] ];
		let at = call.lastIndex;
		const values = {};
		let ok = true;
		for ( const key of shape ) {
			if ( key === null ) {
				// _n's count: any expression up to the next comma at depth 0.
				const rest = /^[^,()]*(?:\([^()]*\)[^,()]*)*,\s*/.exec(
					source.slice( at )
				);
				if ( ! rest ) {
					ok = false;
					break;
				}
				at += rest[ 0 ].length;
				continue;
			}
			const literal = new RegExp( `^${ STRING }\\s*,\\s*` ).exec(
				source.slice( at )
			);
			if ( ! literal ) {
				ok = false;
				break;
			}
			values[ key ] =
				language === 'php'
					? phpString( literal[ 1 ], literal[ 2 ] )
					: unescapeC( literal[ 2 ] );
			at += literal[ 0 ].length;
		}
		const domain = new RegExp( `^${ STRING }` ).exec( source.slice( at ) );
		if ( ! ok || ! domain || domain[ 2 ] !== DOMAIN ) {
			continue;
		}
		const line = source.slice( 0, match.index ).split( '\n' ).length;
		// A translator comment counts on the line of the call or the line just before it.
		const before = source
			.slice( 0, match.index )
			.split( '\n' )
			.slice( -2 )
			.join( '\n' );
		const translator = /translators:\s*(.*?)\s*(?:\*\/.*)?$/m.exec(
			before
		);
		found.push( {
			...values,
			reference: `${ file }:${ line }`,
			...( translator ? { translator: translator[ 1 ].trim() } : {} ),
		} );
	}
	return found;
}

/**
 * Strings WordPress translates from a block.json (title, description, keywords).
 *
 * @param {Object} metadata Parsed block.json.
 * @param {string} file     Path for the reference comment.
 * @return {Array<{ msgid: string, msgctxt: string, reference: string }>} Strings.
 */
function blockJsonStrings( metadata, file ) {
	const out = [];
	if ( metadata.title ) {
		out.push( {
			msgid: metadata.title,
			msgctxt: 'block title',
			reference: file,
		} );
	}
	if ( metadata.description ) {
		out.push( {
			msgid: metadata.description,
			msgctxt: 'block description',
			reference: file,
		} );
	}
	for ( const keyword of metadata.keywords ?? [] ) {
		out.push( {
			msgid: keyword,
			msgctxt: 'block keyword',
			reference: file,
		} );
	}
	return out;
}

const keyOf = ( entry ) =>
	entry.msgctxt !== undefined
		? `${ entry.msgctxt }\u0004${ entry.msgid }`
		: entry.msgid;

/**
 * Brings a PO file's entries in line with the extracted strings: new strings get an empty
 * translation, gone ones are dropped, references and translator comments are refreshed,
 * translations are kept.
 *
 * @param {Array} existing  Entries of the current PO file.
 * @param {Array} extracted Strings from `extractStrings` / `blockJsonStrings`.
 * @return {{ entries: Array, added: string[], removed: string[], untranslated: string[] }} Result.
 */
function mergeEntries( existing, extracted ) {
	const old = new Map(
		existing.map( ( entry ) => [ keyOf( entry ), entry ] )
	);
	const merged = new Map();
	for ( const string of extracted ) {
		const key = keyOf( string );
		const entry = merged.get( key ) ?? {
			msgid: string.msgid,
			...( string.msgctxt !== undefined
				? { msgctxt: string.msgctxt }
				: {} ),
			...( string.msgidPlural !== undefined
				? { msgidPlural: string.msgidPlural }
				: {} ),
			msgstr: old.get( key )?.msgstr ?? [],
			references: [],
			translators: [],
		};
		if ( ! entry.references.includes( string.reference ) ) {
			entry.references.push( string.reference );
		}
		if (
			string.translator &&
			! entry.translators.includes( string.translator )
		) {
			entry.translators.push( string.translator );
		}
		merged.set( key, entry );
	}
	const entries = [ ...merged.values() ].map(
		( { references, translators, ...entry } ) => ( {
			...entry,
			comments: [
				...translators.map( ( t ) => `#. translators: ${ t }` ),
				`#: ${ references.join( ' ' ) }`,
			],
		} )
	);
	return {
		entries,
		added: [ ...merged.keys() ].filter( ( key ) => ! old.has( key ) ),
		removed: [ ...old.keys() ].filter( ( key ) => ! merged.has( key ) ),
		untranslated: entries
			.filter( ( e ) => ! e.msgstr.some( Boolean ) )
			.map( keyOf ),
	};
}

/**
 * Whether a built (minified) script contains a msgid as a string literal, whichever quotes
 * and escapes the minifier chose.
 *
 * @param {string} script Built JS.
 * @param {string} text   msgid or msgctxt.
 * @return {boolean} Found.
 */
function scriptHasString( script, text ) {
	const json = JSON.stringify( text ).slice( 1, -1 );
	const single = json.replace( /\\"/g, '"' ).replace( /'/g, "\\'" );
	const ascii = json.replace(
		/[\u0080-\uffff]/g,
		( c ) => '\\u' + c.charCodeAt( 0 ).toString( 16 ).padStart( 4, '0' )
	);
	return [
		`"${ json }"`,
		`'${ single }'`,
		`"${ ascii }"`,
		`\`${ text }\``,
	].some( ( literal ) => script.includes( literal ) );
}

/**
 * The Jed 1.x JSON WordPress reads for one script (`load_script_textdomain`).
 *
 * @param {Array}  entries     Translated entries.
 * @param {string} script      Built JS.
 * @param {string} source      Script path relative to the plugin (`build/sidebar/index.js`).
 * @param {string} locale      `fr_FR`.
 * @param {string} pluralForms Plural-Forms header value.
 * @return {{ file: string, json: Object, count: number }} File name and content.
 */
function scriptTranslations( entries, script, source, locale, pluralForms ) {
	const messages = {
		'': { domain: 'messages', lang: locale, 'plural-forms': pluralForms },
	};
	let count = 0;
	for ( const entry of entries ) {
		if (
			! entry.msgstr.some( Boolean ) ||
			! scriptHasString( script, entry.msgid )
		) {
			continue;
		}
		if (
			entry.msgctxt !== undefined &&
			! scriptHasString( script, entry.msgctxt )
		) {
			continue;
		}
		messages[ keyOf( entry ) ] = entry.msgstr;
		count++;
	}
	const md5 = createHash( 'md5' ).update( source ).digest( 'hex' );
	return {
		file: `${ DOMAIN }-${ locale }-${ md5 }.json`,
		count,
		json: {
			'translation-revision-date': '',
			generator: 'shareworthy/tools/make-json',
			source,
			domain: 'messages',
			locale_data: { messages },
		},
	};
}

module.exports = {
	DOMAIN,
	blockJsonStrings,
	extractStrings,
	mergeEntries,
	parsePo,
	scriptHasString,
	scriptTranslations,
	serializePo,
};

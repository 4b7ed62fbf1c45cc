const { createHash } = require( 'crypto' );
const po = require( './po' );

describe( 'PO files', () => {
	const source = [
		'# French translation of Shareworthy.',
		'msgid ""',
		'msgstr ""',
		'"Language: fr_FR\\n"',
		'"Plural-Forms: nplurals=2; plural=(n > 1);\\n"',
		'',
		'#: a.php:1',
		'msgid "Share"',
		'msgstr "Partager"',
		'',
		'msgctxt "block title"',
		'msgid "Share this article"',
		'msgstr "Partager cet article"',
		'',
		'msgid "One \\"quoted\\"\\nline"',
		'msgstr ""',
		'"Une ligne \\"entre guillemets\\"\\n"',
		'"suite"',
		'',
		'msgid "%d share"',
		'msgid_plural "%d shares"',
		'msgstr[0] "%d partage"',
		'msgstr[1] "%d partages"',
		'',
	].join( '\n' );

	it( 'reads the header, contexts, escapes, multi-line strings and plurals', () => {
		const { header, entries } = po.parsePo( source );
		expect( header ).toBe(
			'Language: fr_FR\nPlural-Forms: nplurals=2; plural=(n > 1);\n'
		);
		expect(
			entries.map( ( e ) => [ e.msgctxt, e.msgid, e.msgstr ] )
		).toEqual( [
			[ undefined, 'Share', [ 'Partager' ] ],
			[ 'block title', 'Share this article', [ 'Partager cet article' ] ],
			[
				undefined,
				'One "quoted"\nline',
				[ 'Une ligne "entre guillemets"\nsuite' ],
			],
			[ undefined, '%d share', [ '%d partage', '%d partages' ] ],
		] );
		expect( entries[ 3 ].msgidPlural ).toBe( '%d shares' );
		expect( po.parsePo( source ).headerComments ).toEqual( [
			'# French translation of Shareworthy.',
		] );
	} );

	it( 'writes back what it read', () => {
		const first = po.parsePo( source );
		const again = po.parsePo(
			po.serializePo( first.header, first.entries, first.headerComments )
		);
		expect( again ).toEqual( first );
	} );
} );

describe( 'string extraction', () => {
	it( 'finds PHP calls with either quote style, contexts and translator comments', () => {
		const php = [
			'<?php',
			"echo esc_html__( 'It\\'s shared', 'shareworthy' );",
			'/* translators: %s: a title */',
			'$t = sprintf( __( "About “%s”\\n", \'shareworthy\' ), $title );',
			"_x( 'Post', 'noun', 'shareworthy' );",
			"__( 'Other plugin', 'akismet' );",
			"_n( '%d item', '%d items', count( $a ), 'shareworthy' );",
		].join( '\n' );
		expect( po.extractStrings( php, 'f.php', 'php' ) ).toEqual( [
			{ msgid: "It's shared", reference: 'f.php:2' },
			{
				msgid: 'About “%s”\n',
				reference: 'f.php:4',
				translator: '%s: a title',
			},
			{ msgid: 'Post', msgctxt: 'noun', reference: 'f.php:5' },
			{ msgid: '%d item', msgidPlural: '%d items', reference: 'f.php:7' },
		] );
	} );

	it( 'finds JS calls, including ones spread over lines', () => {
		const js =
			"const a = __(\n\t'Sharing',\n\t'shareworthy'\n);\nconst b = sprintf( __( '%s message', 'shareworthy' ), x );";
		expect(
			po.extractStrings( js, 'p.js', 'js' ).map( ( s ) => s.msgid )
		).toEqual( [ 'Sharing', '%s message' ] );
	} );

	it( "takes the block title, description and keywords with WordPress's contexts", () => {
		expect(
			po
				.blockJsonStrings(
					{ title: 'T', description: 'D', keywords: [ 'k' ] },
					'block.json'
				)
				.map( ( s ) => `${ s.msgctxt }|${ s.msgid }` )
		).toEqual( [
			'block title|T',
			'block description|D',
			'block keyword|k',
		] );
	} );

	it( 'merges: keeps translations, adds new strings, drops gone ones', () => {
		const existing = [
			{ comments: [], msgid: 'Keep', msgstr: [ 'Garder' ] },
			{ comments: [], msgid: 'Gone', msgstr: [ 'Parti' ] },
		];
		const merged = po.mergeEntries( existing, [
			{ msgid: 'Keep', reference: 'a.js:1' },
			{ msgid: 'Keep', reference: 'b.php:2' },
			{ msgid: 'New', reference: 'c.js:3' },
		] );
		expect(
			merged.entries.map( ( e ) => [ e.msgid, e.msgstr, e.comments ] )
		).toEqual( [
			[ 'Keep', [ 'Garder' ], [ '#: a.js:1 b.php:2' ] ],
			[ 'New', [], [ '#: c.js:3' ] ],
		] );
		expect( merged.added ).toEqual( [ 'New' ] );
		expect( merged.removed ).toEqual( [ 'Gone' ] );
		expect( merged.untranslated ).toEqual( [ 'New' ] );
	} );
} );

describe( 'script translations (Jed JSON)', () => {
	const entries = [
		{ msgid: 'Sharing', msgstr: [ 'Partage' ] },
		{
			msgid: "Leave the article's address",
			msgstr: [ 'Laisser l’adresse' ],
		},
		{ msgid: 'Not in this script', msgstr: [ 'Absent' ] },
		{ msgid: 'Untranslated', msgstr: [ '' ] },
		{ msgctxt: 'noun', msgid: 'Post', msgstr: [ 'Article' ] },
	];
	const script =
		'x=(0,i.__)("Sharing","shareworthy"),y=(0,i.__)(\'Leave the article\\\'s address\',"shareworthy"),z="Untranslated",p=(0,i._x)("Post","noun","shareworthy")';

	it( 'keeps only the translated strings the built script contains, whatever quotes the minifier chose', () => {
		const { json, count } = po.scriptTranslations(
			entries,
			script,
			'build/sidebar/index.js',
			'fr_FR',
			'nplurals=2; plural=(n > 1);'
		);
		expect( count ).toBe( 3 );
		expect( json.locale_data.messages ).toEqual( {
			'': {
				domain: 'messages',
				lang: 'fr_FR',
				'plural-forms': 'nplurals=2; plural=(n > 1);',
			},
			Sharing: [ 'Partage' ],
			"Leave the article's address": [ 'Laisser l’adresse' ],
			'noun\u0004Post': [ 'Article' ],
		} );
	} );

	it( 'names the file after the md5 of the script path, as load_script_textdomain() looks it up', () => {
		const { file, json } = po.scriptTranslations(
			entries,
			script,
			'build/sidebar/index.js',
			'fr_FR',
			''
		);
		expect( file ).toBe(
			`shareworthy-fr_FR-${ createHash( 'md5' ).update( 'build/sidebar/index.js' ).digest( 'hex' ) }.json`
		);
		expect( json.source ).toBe( 'build/sidebar/index.js' );
	} );

	it( 'finds strings the minifier wrote with \\u escapes', () => {
		expect( po.scriptHasString( 'a="l\\u2019adresse"', 'l’adresse' ) ).toBe(
			true
		);
		expect( po.scriptHasString( 'a="other"', 'l’adresse' ) ).toBe( false );
	} );
} );

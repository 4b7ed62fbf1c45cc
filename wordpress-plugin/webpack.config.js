/**
 * wp-scripts' own configuration (block.json entries, scripts and script modules), plus:
 * - the editor sidebar, a plugin script rather than a block asset;
 * - `@shareworthy/core` bundled from its TypeScript source (NodeNext `.js` specifiers resolve
 *   to `.ts`), so the plugin does not depend on core's build order and webpack tree-shakes
 *   what the blocks do not use (core is `sideEffects: false`).
 */
const { join } = require( 'path' );
const defaults = require( '@wordpress/scripts/config/webpack.config' );

const [ scripts, modules ] = defaults;
const coreSource = join( __dirname, '..', 'core', 'src' );

const withCore = ( config ) => ( {
	...config,
	resolve: {
		...config.resolve,
		alias: { ...config.resolve?.alias, '@shareworthy/core$': join( coreSource, 'index.ts' ) },
		extensionAlias: { '.js': [ '.ts', '.js' ] },
	},
	module: {
		...config.module,
		rules: [
			...config.module.rules,
			{
				test: /\.ts$/,
				include: coreSource,
				use: {
					loader: require.resolve( 'babel-loader' ),
					options: {
						babelrc: false,
						configFile: false,
						presets: [ [ require.resolve( '@babel/preset-typescript' ) ] ],
					},
				},
			},
		],
	},
} );

module.exports = [
	withCore( {
		...scripts,
		entry: async () => ( {
			...( await ( typeof scripts.entry === 'function' ? scripts.entry() : scripts.entry ) ),
			'sidebar/index': './src/sidebar/index.js',
			'admin/reports/index': './src/admin/reports/index.js',
			'admin/settings/index': './src/admin/settings/index.js',
		} ),
	} ),
	withCore( modules ),
];

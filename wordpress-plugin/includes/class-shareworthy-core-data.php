<?php
/**
 * Data generated from @shareworthy/core so PHP and TypeScript apply the same rules.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Reads includes/generated/core-data.php, written by bin/generate-core-data.mjs from core's
 * build (bot patterns, prefetch rules, UTM defaults, networks and their share intents).
 */
final class Shareworthy_Core_Data {

	/**
	 * Loaded data, once per request.
	 *
	 * @var array<string, mixed>|null
	 */
	private static ?array $data = null;

	/**
	 * Whether the generated file is there (the plugin was built).
	 */
	public static function available(): bool {
		return is_readable( SHAREWORTHY_DIR . '/includes/generated/core-data.php' );
	}

	/**
	 * The whole generated array.
	 *
	 * @return array<string, mixed>
	 * @throws RuntimeException When the file was not generated (the plugin was not built).
	 */
	public static function all(): array {
		if ( null === self::$data ) {
			$file = SHAREWORTHY_DIR . '/includes/generated/core-data.php';
			if ( ! is_readable( $file ) ) {
				throw new RuntimeException( 'Shareworthy: includes/generated/core-data.php is missing; run `npm run build` in the repository.' );
			}
			self::$data = require $file;
		}
		return self::$data;
	}

	/**
	 * Networks, id => share-intent template (or null where the network has none).
	 *
	 * @return array<string, string|null>
	 */
	public static function networks(): array {
		return self::all()['networks'];
	}

	/**
	 * Networks, id => name as its owner writes it (core's NETWORK_NAMES; English `Email`).
	 *
	 * @return array<string, string>
	 */
	public static function network_names(): array {
		return self::all()['networkNames'];
	}

	/**
	 * Typical audience of one share per network (core's DEFAULT_REACH_PER_SHARE).
	 *
	 * @return array<string, int|float>
	 */
	public static function reach_per_share(): array {
		return self::all()['reachPerShare'];
	}

	/**
	 * One PCRE pattern that matches bots, crawlers, HTTP libraries and link-preview fetchers.
	 */
	public static function bot_pattern(): string {
		return self::all()['botPattern'];
	}

	/**
	 * Bot kind => PCRE pattern, in core's priority order.
	 *
	 * @return array<string, string>
	 */
	public static function bot_kinds(): array {
		return self::all()['botKinds'];
	}

	/**
	 * Request headers that mark a prefetch or preview: lower-case header => PCRE on its value.
	 *
	 * @return array<string, string>
	 */
	public static function prefetch_headers(): array {
		return self::all()['prefetchHeaders'];
	}

	/**
	 * A curation constant from core: itemKinds, itemStatuses, itemLimits, priority, feedScoring.
	 *
	 * @param string $name Key.
	 * @return array<int|string, mixed>
	 */
	public static function curation( string $name ): array {
		return self::all()[ $name ];
	}

	/**
	 * Default utm_medium.
	 */
	public static function utm_medium(): string {
		return self::all()['utmMedium'];
	}
}

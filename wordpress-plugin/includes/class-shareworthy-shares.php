<?php
/**
 * Shares: one row per tracked link an employee created.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Repository for the shares table. Every query is prepared with explicit formats.
 */
final class Shareworthy_Shares {

	/** Codes in links look like this; anything else is rejected before touching the database. */
	public const CODE_PATTERN = '/^[A-Za-z0-9_-]{4,32}$/D';

	/**
	 * Creates a share with a fresh random code.
	 *
	 * @param int    $item_id Item (post) ID.
	 * @param int    $user_id Employee.
	 * @param string $network Network id.
	 * @return array<string, mixed>|WP_Error The stored row.
	 */
	public static function create( int $item_id, int $user_id, string $network ) {
		global $wpdb;
		$created_at = gmdate( 'Y-m-d H:i:s' );
		// 64 random bits: a collision is astronomically rare, but the unique key decides.
		for ( $attempt = 0; $attempt < 5; $attempt++ ) {
			$code     = self::new_code();
			$inserted = $wpdb->insert(
				Shareworthy_Schema::shares_table(),
				array(
					'item_id'    => $item_id,
					'user_id'    => $user_id,
					'network'    => $network,
					'code'       => $code,
					'created_at' => $created_at,
				),
				array( '%d', '%d', '%s', '%s', '%s' )
			);
			if ( false !== $inserted ) {
				return array(
					'id'         => (int) $wpdb->insert_id,
					'item_id'    => $item_id,
					'user_id'    => $user_id,
					'network'    => $network,
					'code'       => $code,
					'created_at' => $created_at,
				);
			}
		}
		return new WP_Error( 'shareworthy_share_failed', __( 'The share could not be stored.', 'shareworthy' ), array( 'status' => 500 ) );
	}

	/**
	 * A random URL-safe code: base64url of 8 random bytes (11 characters).
	 */
	public static function new_code(): string {
		return rtrim( strtr( base64_encode( random_bytes( 8 ) ), '+/', '-_' ), '=' );
	}

	/**
	 * A share by ID.
	 *
	 * @param int $id Share ID.
	 * @return array<string, mixed>|null
	 */
	public static function find( int $id ): ?array {
		global $wpdb;
		$table = Shareworthy_Schema::shares_table();
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT id, item_id, user_id, network, code, created_at FROM {$table} WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return is_array( $row ) ? self::cast( $row ) : null;
	}

	/**
	 * Everything the redirect needs about a code in one query: the share, whether its item
	 * still exists, the item's public URL meta and campaign slug.
	 *
	 * @param string $code A code that already matched CODE_PATTERN.
	 * @return array{id: int, item_id: int, network: string, post_status: string, public_url: string, campaign: string}|null
	 */
	public static function find_target( string $code ): ?array {
		global $wpdb;
		$shares = Shareworthy_Schema::shares_table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from $wpdb.
		$sql = "SELECT s.id, s.item_id, s.network, p.post_status,
				(SELECT m.meta_value FROM {$wpdb->postmeta} m WHERE m.post_id = s.item_id AND m.meta_key = %s ORDER BY m.meta_id LIMIT 1) AS public_url,
				(SELECT t.slug FROM {$wpdb->term_relationships} r
					JOIN {$wpdb->term_taxonomy} x ON x.term_taxonomy_id = r.term_taxonomy_id
					JOIN {$wpdb->terms} t ON t.term_id = x.term_id
					WHERE r.object_id = s.item_id AND x.taxonomy = %s ORDER BY t.term_id LIMIT 1) AS campaign
			FROM {$shares} s JOIN {$wpdb->posts} p ON p.ID = s.item_id
			WHERE s.code = %s AND BINARY s.code = %s";
		// The column is ascii_bin on MySQL/MariaDB, but the SQLite integration makes every text
		// column NOCASE: BINARY keeps lookups case-sensitive there; the index still serves `=`.
		$row = $wpdb->get_row( $wpdb->prepare( $sql, Shareworthy_Meta::PUBLIC_URL, Shareworthy_Meta::CAMPAIGN_TAXONOMY, $code, $code ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( ! is_array( $row ) ) {
			return null;
		}
		return array(
			'id'          => (int) $row['id'],
			'item_id'     => (int) $row['item_id'],
			'network'     => (string) $row['network'],
			'post_status' => (string) $row['post_status'],
			'public_url'  => (string) $row['public_url'],
			'campaign'    => (string) $row['campaign'],
		);
	}

	/**
	 * IDs of the items among $item_ids the user already shared.
	 *
	 * @param int       $user_id  Employee.
	 * @param list<int> $item_ids Items.
	 * @return array<int, true>
	 */
	public static function shared_item_ids( int $user_id, array $item_ids ): array {
		global $wpdb;
		if ( array() === $item_ids ) {
			return array();
		}
		$table        = Shareworthy_Schema::shares_table();
		$placeholders = implode( ',', array_fill( 0, count( $item_ids ), '%d' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared
		$ids = $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT item_id FROM {$table} WHERE user_id = %d AND item_id IN ({$placeholders})", $user_id, ...$item_ids ) );
		return array_fill_keys( array_map( 'intval', $ids ), true );
	}

	/**
	 * A user's shares (privacy export), oldest first.
	 *
	 * @param int $user_id Employee.
	 * @param int $limit   Page size.
	 * @param int $offset  Rows to skip.
	 * @return list<array<string, mixed>>
	 */
	public static function for_user( int $user_id, int $limit, int $offset ): array {
		global $wpdb;
		$table = Shareworthy_Schema::shares_table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT id, item_id, user_id, network, code, created_at FROM {$table} WHERE user_id = %d ORDER BY id LIMIT %d OFFSET %d", $user_id, $limit, $offset ), ARRAY_A );
		return array_map( array( __CLASS__, 'cast' ), (array) $rows );
	}

	/**
	 * A user's shares, newest first (the "my shares" list).
	 *
	 * @param int $user_id Employee.
	 * @param int $limit   Page size.
	 * @param int $offset  Rows to skip.
	 * @return list<array<string, mixed>>
	 */
	public static function latest_for_user( int $user_id, int $limit, int $offset ): array {
		global $wpdb;
		$table = Shareworthy_Schema::shares_table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT id, item_id, user_id, network, code, created_at FROM {$table} WHERE user_id = %d ORDER BY id DESC LIMIT %d OFFSET %d", $user_id, $limit, $offset ), ARRAY_A );
		return array_map( array( __CLASS__, 'cast' ), (array) $rows );
	}

	/**
	 * How many shares a user made.
	 *
	 * @param int $user_id Employee.
	 */
	public static function count_for_user( int $user_id ): int {
		global $wpdb;
		$table = Shareworthy_Schema::shares_table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE user_id = %d", $user_id ) );
	}

	/**
	 * Deletes a user's shares and their clicks.
	 *
	 * @param int $user_id Employee.
	 * @return int Shares deleted.
	 */
	public static function delete_for_user( int $user_id ): int {
		return self::delete_where( 'user_id', $user_id );
	}

	/**
	 * Deletes an item's shares and their clicks (the post was deleted).
	 *
	 * @param int $item_id Item.
	 * @return int Shares deleted.
	 */
	public static function delete_for_item( int $item_id ): int {
		return self::delete_where( 'item_id', $item_id );
	}

	/**
	 * Deletes shares matching one integer column, their report rollups and clicks first.
	 *
	 * @param string $column item_id or user_id (never input).
	 * @param int    $value  Value.
	 */
	private static function delete_where( string $column, int $value ): int {
		global $wpdb;
		$shares = Shareworthy_Schema::shares_table();
		$clicks = Shareworthy_Schema::clicks_table();
		Shareworthy_Click_Days::forget_shares( $column, $value );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$clicks} WHERE share_id IN (SELECT id FROM {$shares} WHERE {$column} = %d)", $value ) );
		$deleted = $wpdb->query( $wpdb->prepare( "DELETE FROM {$shares} WHERE {$column} = %d", $value ) );
		// phpcs:enable
		return (int) $deleted;
	}

	/**
	 * Types a row read from the database.
	 *
	 * @param array<string, mixed> $row Row.
	 * @return array<string, mixed>
	 */
	private static function cast( array $row ): array {
		return array(
			'id'         => (int) $row['id'],
			'item_id'    => (int) $row['item_id'],
			'user_id'    => (int) $row['user_id'],
			'network'    => (string) $row['network'],
			'code'       => (string) $row['code'],
			'created_at' => (string) $row['created_at'],
		);
	}
}

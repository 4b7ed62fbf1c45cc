<?php
/**
 * WordPress privacy tools: export and erase an employee's shares.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Personal data exporter and eraser. An employee's personal data here is the list of their
 * shares (what, where, when) and the clicks on them; clicks hold no data about the people
 * who clicked beyond a hash that cannot be reversed after its day.
 */
final class Shareworthy_Privacy {

	/** Shares per export page. */
	private const PAGE_SIZE = 100;

	/**
	 * Adds the exporter.
	 *
	 * @param array<string, array<string, mixed>> $exporters Exporters.
	 * @return array<string, array<string, mixed>>
	 */
	public static function register_exporter( array $exporters ): array {
		$exporters['shareworthy'] = array(
			'exporter_friendly_name' => __( 'Shareworthy shares', 'shareworthy' ),
			'callback'               => array( __CLASS__, 'export' ),
		);
		return $exporters;
	}

	/**
	 * Adds the eraser.
	 *
	 * @param array<string, array<string, mixed>> $erasers Erasers.
	 * @return array<string, array<string, mixed>>
	 */
	public static function register_eraser( array $erasers ): array {
		$erasers['shareworthy'] = array(
			'eraser_friendly_name' => __( 'Shareworthy shares', 'shareworthy' ),
			'callback'             => array( __CLASS__, 'erase' ),
		);
		return $erasers;
	}

	/**
	 * Exports one page of the user's shares.
	 *
	 * @param string $email User's e-mail address.
	 * @param int    $page  Page, from 1.
	 * @return array{data: list<array<string, mixed>>, done: bool}
	 */
	public static function export( string $email, int $page = 1 ): array {
		$user = get_user_by( 'email', $email );
		if ( ! $user ) {
			return array( 'data' => array(), 'done' => true );
		}
		$shares = Shareworthy_Shares::for_user( $user->ID, self::PAGE_SIZE, ( max( 1, $page ) - 1 ) * self::PAGE_SIZE );
		$data   = array();
		foreach ( $shares as $share ) {
			$data[] = array(
				'group_id'    => 'shareworthy-shares',
				'group_label' => __( 'Shares', 'shareworthy' ),
				'item_id'     => 'shareworthy-share-' . $share['id'],
				'data'        => array(
					array( 'name' => __( 'Item', 'shareworthy' ), 'value' => get_the_title( $share['item_id'] ) ),
					array( 'name' => __( 'Network', 'shareworthy' ), 'value' => $share['network'] ),
					array( 'name' => __( 'Tracked link', 'shareworthy' ), 'value' => Shareworthy_Utm::tracked_url( $share['code'] ) ),
					array( 'name' => __( 'Shared at (UTC)', 'shareworthy' ), 'value' => $share['created_at'] ),
					array( 'name' => __( 'Clicks', 'shareworthy' ), 'value' => (string) Shareworthy_Clicks::count_for_share( $share['id'] ) ),
				),
			);
		}
		return array(
			'data' => $data,
			'done' => count( $shares ) < self::PAGE_SIZE,
		);
	}

	/**
	 * Erases the user's shares and their clicks (one page does it all).
	 *
	 * @param string $email User's e-mail address.
	 * @param int    $page  Page (unused: one pass).
	 * @return array{items_removed: bool, items_retained: bool, messages: list<string>, done: bool}
	 */
	public static function erase( string $email, int $page = 1 ): array {
		unset( $page );
		$user    = get_user_by( 'email', $email );
		$removed = $user ? Shareworthy_Shares::delete_for_user( $user->ID ) : 0;
		return array(
			'items_removed'  => $removed > 0,
			'items_retained' => false,
			'messages'       => array(),
			'done'           => true,
		);
	}
}

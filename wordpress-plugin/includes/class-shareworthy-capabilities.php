<?php
/**
 * Capabilities and which roles get them.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Maps the plugin's capabilities onto WordPress roles at activation, removes them at uninstall.
 */
final class Shareworthy_Capabilities {

	/** Share approved items (employees). */
	public const SHARE = 'share_shareworthy_items';

	/** Edit the sharing fields of items (authors and up). */
	public const EDIT = 'edit_shareworthy_items';

	/** Approve or archive items (editors and up). */
	public const PUBLISH = 'publish_shareworthy_items';

	/** See click reports and anyone's shares. */
	public const VIEW_REPORTS = 'view_shareworthy_reports';

	/** Change the plugin's settings. */
	public const MANAGE = 'manage_shareworthy';

	/**
	 * Role => capabilities it receives.
	 *
	 * @return array<string, list<string>>
	 */
	public static function map(): array {
		$all = array( self::SHARE, self::EDIT, self::PUBLISH, self::VIEW_REPORTS, self::MANAGE );
		$map = array(
			'administrator' => $all,
			'editor'        => array( self::SHARE, self::EDIT, self::PUBLISH, self::VIEW_REPORTS ),
			'author'        => array( self::SHARE, self::EDIT ),
			'contributor'   => array( self::SHARE ),
			'subscriber'    => array( self::SHARE ),
		);
		/**
		 * Filters which roles get which Shareworthy capabilities at activation.
		 *
		 * @since 0.1.0
		 *
		 * @param array<string, list<string>> $map Role name => capabilities.
		 */
		return (array) apply_filters( 'shareworthy_role_capabilities', $map );
	}

	/**
	 * Grants the capabilities to the roles that exist on this site.
	 */
	public static function add(): void {
		foreach ( self::map() as $role_name => $caps ) {
			$role = get_role( $role_name );
			if ( null === $role ) {
				continue;
			}
			foreach ( $caps as $cap ) {
				$role->add_cap( $cap );
			}
		}
	}

	/**
	 * Removes every Shareworthy capability from every role (uninstall).
	 */
	public static function remove(): void {
		$caps = array( self::SHARE, self::EDIT, self::PUBLISH, self::VIEW_REPORTS, self::MANAGE );
		foreach ( wp_roles()->role_objects as $role ) {
			foreach ( $caps as $cap ) {
				$role->remove_cap( $cap );
			}
		}
	}
}

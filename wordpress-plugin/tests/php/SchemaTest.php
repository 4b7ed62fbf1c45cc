<?php
/**
 * Tables, activation and uninstall.
 *
 * @package Shareworthy
 */

/**
 * Schema install/upgrade/drop and the uninstall sweep.
 */
final class SchemaTest extends Shareworthy_TestCase {

	/**
	 * Puts back what uninstall removed: MySQL/MariaDB commits DDL, so the rollback cannot.
	 */
	protected function tearDown(): void {
		parent::tearDown();
		if ( null === $this->columns( Shareworthy_Schema::shares_table() ) ) {
			Shareworthy_Schema::install();
		}
		Shareworthy_Capabilities::add();
		Shareworthy_Cron::schedule();
	}

	/**
	 * Column names of a table, or null when it does not exist.
	 *
	 * @param string $table Table.
	 * @return list<string>|null
	 */
	private function columns( string $table ): ?array {
		global $wpdb;
		if ( $table !== $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) ) {
			return null;
		}
		return array_column( (array) $wpdb->get_results( "SHOW COLUMNS FROM {$table}", ARRAY_A ), 'Field' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * Index names of a table.
	 *
	 * @param string $table Table.
	 * @return list<string>
	 */
	private function indexes( string $table ): array {
		global $wpdb;
		return array_values( array_unique( array_column( (array) $wpdb->get_results( "SHOW INDEX FROM {$table}", ARRAY_A ), 'Key_name' ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	public function test_the_tables_have_the_documented_columns_and_indexes(): void {
		$this->assertSame( array( 'id', 'item_id', 'user_id', 'network', 'code', 'created_at' ), $this->columns( Shareworthy_Schema::shares_table() ) );
		$this->assertSame( array( 'id', 'share_id', 'visitor_key', 'created_at', 'counted' ), $this->columns( Shareworthy_Schema::clicks_table() ) );
		$shares = $this->indexes( Shareworthy_Schema::shares_table() );
		foreach ( array( 'PRIMARY', 'code', 'item_created', 'user_item', 'created_at' ) as $index ) {
			$this->assertContains( $index, $shares );
		}
		$clicks = $this->indexes( Shareworthy_Schema::clicks_table() );
		foreach ( array( 'PRIMARY', 'share_created', 'created_at', 'visitor_key' ) as $index ) {
			$this->assertContains( $index, $clicks );
		}
		$this->assertSame( array( 'share_id', 'day', 'clicks', 'visitors' ), $this->columns( Shareworthy_Schema::click_days_table() ) );
		$this->assertSame( array( 'visitor_key', 'share_id', 'day' ), $this->columns( Shareworthy_Schema::click_repeats_table() ) );
		$this->assertSame( array( 'share_id', 'clicks', 'visitors' ), $this->columns( Shareworthy_Schema::click_totals_table() ) );
		$this->assertContains( 'day_sums', $this->indexes( Shareworthy_Schema::click_days_table() ) );
		$this->assertContains( 'share_day', $this->indexes( Shareworthy_Schema::click_repeats_table() ) );
		$this->assertSame( Shareworthy_Schema::VERSION, (int) get_option( Shareworthy_Schema::VERSION_OPTION ) );
	}

	public function test_a_code_is_unique(): void {
		global $wpdb;
		$row = array( 'item_id' => 1, 'user_id' => 1, 'network' => 'x', 'code' => 'SameCode01', 'created_at' => '2026-01-01 00:00:00' );
		$this->assertSame( 1, $wpdb->insert( Shareworthy_Schema::shares_table(), $row, array( '%d', '%d', '%s', '%s', '%s' ) ) );
		$suppress = $wpdb->suppress_errors( true );
		$this->assertFalse( $wpdb->insert( Shareworthy_Schema::shares_table(), $row, array( '%d', '%d', '%s', '%s', '%s' ) ) );
		$wpdb->suppress_errors( $suppress );
	}

	public function test_install_is_idempotent_and_an_old_version_upgrades(): void {
		Shareworthy_Schema::install();
		Shareworthy_Schema::install();
		update_option( Shareworthy_Schema::VERSION_OPTION, 0 );
		Shareworthy_Schema::maybe_upgrade();
		$this->assertSame( Shareworthy_Schema::VERSION, (int) get_option( Shareworthy_Schema::VERSION_OPTION ) );
		$this->assertNotNull( $this->columns( Shareworthy_Schema::clicks_table() ) );
	}

	public function test_activation_grants_capabilities_by_role(): void {
		Shareworthy_Capabilities::add();
		$expected = array(
			'administrator' => array( true, true, true, true, true ),
			'editor'        => array( true, true, true, true, false ),
			'author'        => array( true, true, false, false, false ),
			'contributor'   => array( true, false, false, false, false ),
			'subscriber'    => array( true, false, false, false, false ),
		);
		$caps     = array( 'share_shareworthy_items', 'edit_shareworthy_items', 'publish_shareworthy_items', 'view_shareworthy_reports', 'manage_shareworthy' );
		foreach ( $expected as $role => $has ) {
			foreach ( $caps as $i => $cap ) {
				$this->assertSame( $has[ $i ], get_role( $role )->has_cap( $cap ), "{$role} {$cap}" );
			}
		}
		$this->assertNotFalse( wp_next_scheduled( Shareworthy_Cron::HOOK ) );
	}

	public function test_uninstall_removes_tables_options_meta_terms_and_capabilities(): void {
		global $wpdb;
		$this->as_role( 'subscriber' );
		$item = $this->item( array( Shareworthy_Meta::HASHTAGS => array( 'x' ) ), 'Campagne à supprimer' );
		$this->share( $item );
		update_user_meta( get_current_user_id(), Shareworthy_Items::USER_GROUPS_META, array( 'sales' ) );
		wp_insert_term( 'Groupe', Shareworthy_Meta::GROUP_TAXONOMY );

		Shareworthy_Uninstaller::uninstall_site();

		$this->assertNull( $this->columns( Shareworthy_Schema::shares_table() ) );
		$this->assertNull( $this->columns( Shareworthy_Schema::clicks_table() ) );
		$this->assertNull( $this->columns( Shareworthy_Schema::click_days_table() ) );
		$this->assertNull( $this->columns( Shareworthy_Schema::click_repeats_table() ) );
		$this->assertNull( $this->columns( Shareworthy_Schema::click_totals_table() ) );
		$like = $wpdb->esc_like( 'shareworthy_' ) . '%';
		$this->assertSame( '0', (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s", $like ) ) );
		$this->assertSame( '0', (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->postmeta} WHERE meta_key LIKE %s", $like ) ) );
		$this->assertSame( '0', (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", $like ) ) );
		$this->assertSame( '0', (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->term_taxonomy} WHERE taxonomy IN (%s, %s)", Shareworthy_Meta::CAMPAIGN_TAXONOMY, Shareworthy_Meta::GROUP_TAXONOMY ) ) );
		wp_roles()->for_site();
		foreach ( wp_roles()->role_objects as $role ) {
			$this->assertFalse( $role->has_cap( 'share_shareworthy_items' ), $role->name );
			$this->assertFalse( $role->has_cap( 'manage_shareworthy' ), $role->name );
		}
		$this->assertFalse( wp_next_scheduled( Shareworthy_Cron::HOOK ) );
	}

	public function test_uninstall_php_refuses_to_run_outside_wordpress_uninstall(): void {
		$script = tempnam( sys_get_temp_dir(), 'sw-uninstall-' );
		file_put_contents( $script, '<?php define( "ABSPATH", "/" ); include ' . var_export( SHAREWORTHY_DIR . '/uninstall.php', true ) . '; echo "ran";' );
		$output = shell_exec( escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( $script ) . ' 2>&1' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions
		unlink( $script );
		$this->assertSame( '', (string) $output ); // exit() before anything runs: no output, no error.
	}
}

<?php
/**
 * Report rollups (Shareworthy_Click_Days) stay exact through clicks, erasure, purge and upgrade.
 *
 * @package Shareworthy
 */

/**
 * Every change is checked two ways: the rollups equal what rebuild() computes from the clicks
 * left, and the report equals a count made here in PHP from the clicks table (distinct visitor
 * keys per row and overall, in the report's time zone and filters).
 */
final class ClickDaysTest extends Shareworthy_TestCase {

	/** Employees by name. */
	private array $users = array();

	/** Item id => campaign key ('' for none). */
	private array $campaigns = array();

	/**
	 * Four shares on three items (two in "Spring"), by two employees, and ~120 clicks recorded
	 * through Shareworthy_Clicks::record() from 2026-02-28 to 2026-03-05, near midnights too.
	 * Visitor keys come from a pool of eight and are reused across days and shares on purpose:
	 * the rollups must not rely on keys being salted per day.
	 *
	 * @return list<int> Share ids.
	 */
	private function clicks(): array {
		$this->users = array(
			'ana' => $this->user( 'subscriber' ),
			'bo'  => $this->user( 'subscriber' ),
		);
		$items = array( $this->item( array(), 'Spring' ), $this->item( array(), 'Spring' ), $this->item( array(), '' ) );
		$this->campaigns = array_combine( $items, array( 'Spring', 'Spring', '' ) );
		$shares          = array();
		foreach ( array( array( 0, 'linkedin', 'ana' ), array( 0, 'x', 'bo' ), array( 1, 'linkedin', 'bo' ), array( 2, 'facebook', 'ana' ) ) as [ $item, $network, $user ] ) {
			wp_set_current_user( $this->users[ $user ] );
			$shares[] = (int) $this->share( $items[ $item ], $network )['id'];
		}
		wp_set_current_user( 0 );
		mt_srand( 5 );
		$start = (int) strtotime( '2026-02-28 00:00:00 UTC' );
		for ( $i = 0; $i < 120; $i++ ) {
			// One click in four within 40 minutes of a midnight, where zones cut UTC days.
			$at = 0 === $i % 4 ? $start + mt_rand( 1, 5 ) * DAY_IN_SECONDS + mt_rand( -2400, 2400 ) : $start + mt_rand( 0, 6 * DAY_IN_SECONDS - 1 );
			Shareworthy_Clicks::record( $shares[ mt_rand( 0, 3 ) ], hash( 'sha256', 'k' . mt_rand( 0, 7 ) ), $at );
		}
		return $shares;
	}

	/**
	 * The rollup tables, ordered.
	 *
	 * @return array{0: list<array<string, string>>, 1: list<array<string, string>>, 2: list<array<string, string>>}
	 */
	private function rollups(): array {
		global $wpdb;
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return array(
			$wpdb->get_results( 'SELECT share_id, day, clicks, visitors FROM ' . Shareworthy_Schema::click_days_table() . ' ORDER BY share_id, day', ARRAY_A ),
			$wpdb->get_results( 'SELECT visitor_key, share_id, day FROM ' . Shareworthy_Schema::click_repeats_table() . ' ORDER BY visitor_key, share_id, day', ARRAY_A ),
			$wpdb->get_results( 'SELECT share_id, clicks, visitors FROM ' . Shareworthy_Schema::click_totals_table() . ' ORDER BY share_id', ARRAY_A ),
		);
		// phpcs:enable
	}

	/**
	 * Asserts the rollups are what a rebuild from the clicks gives.
	 *
	 * @param string $when What just happened.
	 */
	private function assert_rollups_match_the_clicks( string $when ): void {
		$kept = $this->rollups();
		Shareworthy_Click_Days::rebuild();
		$this->assertEquals( $this->rollups(), $kept, $when );
		$this->assertNotSame( array(), $kept[0], $when );
	}

	/**
	 * Clicks and distinct visitors of the report, counted here from every counted click.
	 *
	 * @param string               $by      Grouping.
	 * @param array<string, mixed> $options Report options (time_zone, from, to, network, campaign).
	 * @return array{0: int, 1: int, 2: array<string, array{0: int, 1: int}>} Clicks, visitors, rows.
	 */
	private function counted( string $by, array $options ): array {
		global $wpdb;
		$clicks = $wpdb->get_results( 'SELECT c.visitor_key, c.created_at, s.item_id, s.user_id, s.network FROM ' . Shareworthy_Schema::clicks_table() . ' c JOIN ' . Shareworthy_Schema::shares_table() . ' s ON s.id = c.share_id WHERE c.counted = 1', ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$all    = array();
		$rows   = array();
		foreach ( $clicks as $click ) {
			$day      = ( new DateTimeImmutable( $click['created_at'], new DateTimeZone( 'UTC' ) ) )->setTimezone( $options['time_zone'] )->format( 'Y-m-d' );
			$campaign = $this->campaigns[ (int) $click['item_id'] ] ?? null;
			if ( ( isset( $options['from'] ) && $day < $options['from'] ) || ( isset( $options['to'] ) && $day > $options['to'] )
				|| ( isset( $options['network'] ) && $click['network'] !== $options['network'] )
				|| ( isset( $options['campaign'] ) && $campaign !== $options['campaign'] ) ) {
				continue;
			}
			$key = array(
				'item'     => $click['item_id'],
				'campaign' => $campaign,
				'network'  => $click['network'],
				'day'      => $day,
				'employee' => 'others',
			)[ $by ];
			$all[ $click['visitor_key'] ]                = true;
			$rows[ $key ]['keys'][ $click['visitor_key'] ] = true;
			$rows[ $key ]['clicks']                      = ( $rows[ $key ]['clicks'] ?? 0 ) + 1;
		}
		ksort( $rows );
		return array( array_sum( array_column( $rows, 'clicks' ) ), count( $all ), array_map( static fn( array $row ): array => array( $row['clicks'], count( $row['keys'] ) ), $rows ) );
	}

	/**
	 * Asserts the report's clicks and unique clicks equal the PHP count, for every grouping,
	 * periods of one and several days and the whole table, in UTC and zones that cut UTC days at
	 * half and three-quarter hours, with and without filters.
	 *
	 * @param string $when What just happened.
	 */
	private function assert_reports_match_the_clicks( string $when ): void {
		global $wpdb;
		// Demo content may have shares and clicks too: only these employees' count here. Their
		// share-days stay until a rebuild, so both ways of reading day rows are compared.
		$wpdb->query( 'DELETE FROM ' . Shareworthy_Schema::shares_table() . ' WHERE user_id NOT IN (' . implode( ',', array_map( 'intval', $this->users ) ) . ')' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$this->assert_reports_match_the_clicks_now( $when . ', other shares gone' );
		Shareworthy_Click_Days::rebuild();
		$this->assertTrue( Shareworthy_Click_Days::shares_all_known() );
		$this->assert_reports_match_the_clicks_now( $when . ', rebuilt' );
	}

	/**
	 * The comparison of assert_reports_match_the_clicks() on the tables as they are.
	 *
	 * @param string $when What just happened.
	 */
	private function assert_reports_match_the_clicks_now( string $when ): void {
		foreach ( array( 'UTC', 'America/St_Johns', 'Asia/Kathmandu' ) as $zone ) {
			// Short periods read their share-days; the whole table and a period from 2026-03-01
			// to past the newest click read share totals less the days outside.
			foreach ( array( array(), array( '2026-03-02', '2026-03-02' ), array( '2026-03-01', '2026-03-03' ), array( '2026-02-20', '2026-03-31' ), array( '2026-03-01', '2027-01-31' ) ) as $period ) {
				foreach ( array( array(), array( 'network' => 'linkedin' ), array( 'campaign' => '' ) ) as $filter ) {
					$options = $filter + array( 'time_zone' => new DateTimeZone( $zone ) ) + ( array() === $period ? array() : array( 'from' => $period[0], 'to' => $period[1] ) );
					foreach ( Shareworthy_Report::GROUPS as $by ) {
						$report = Shareworthy_Report::run( $by, $options );
						$rows   = array();
						foreach ( $report['rows'] as $row ) {
							if ( $row['clicks'] > 0 ) {
								$rows[ $row['key'] ] = array( $row['clicks'], $row['uniqueClicks'] );
							}
						}
						ksort( $rows );
						$label = "{$when}: {$by}, {$zone}, " . wp_json_encode( $period + $filter );
						$this->assertEquals( $this->counted( $by, $options ), array( $report['totals']['clicks'], $report['totals']['uniqueClicks'], $rows ), $label );
					}
				}
			}
		}
	}

	public function test_recorded_clicks_keep_the_rollups_and_the_report_exact(): void {
		$this->clicks();
		$this->assert_rollups_match_the_clicks( 'recorded' );
		$this->assert_reports_match_the_clicks( 'recorded' );
	}

	public function test_a_visitor_on_two_shares_of_a_day_counts_once_in_the_total(): void {
		$shares = $this->clicks();
		$key    = hash( 'sha256', 'only-here' );
		$at     = (int) strtotime( '2026-03-04 10:00:00 UTC' );
		Shareworthy_Clicks::record( $shares[0], $key, $at );
		Shareworthy_Clicks::record( $shares[1], $key, $at + 60 );
		$before = Shareworthy_Report::run( 'network', array( 'from' => '2026-03-04', 'to' => '2026-03-04' ) );
		Shareworthy_Clicks::record( $shares[2], $key, $at + 120 ); // A third share-day of the same key.
		$after = Shareworthy_Report::run( 'network', array( 'from' => '2026-03-04', 'to' => '2026-03-04' ) );
		$this->assertSame( $before['totals']['clicks'] + 1, $after['totals']['clicks'] );
		$this->assertSame( $before['totals']['uniqueClicks'], $after['totals']['uniqueClicks'] );
		$this->assert_rollups_match_the_clicks( 'one key on three shares' );
	}

	public function test_erasing_an_employee_keeps_the_rollups_and_the_report_exact(): void {
		$this->clicks();
		$this->assertTrue( Shareworthy_Privacy::erase( get_userdata( $this->users['ana'] )->user_email )['items_removed'] );
		$this->assert_rollups_match_the_clicks( 'erased' );
		$this->assert_reports_match_the_clicks( 'erased' );
	}

	public function test_the_retention_purge_keeps_the_rollups_and_the_report_exact(): void {
		$this->clicks();
		update_option( Shareworthy_Settings::RETENTION_DAYS_OPTION, 30 );
		// Cutoff 2026-03-02 13:00 UTC: the clicks of that morning go, its afternoon stays.
		$this->assertGreaterThan( 0, Shareworthy_Cron::run_daily( (int) strtotime( '2026-04-01 13:00:00 UTC' ) ) );
		$this->assert_rollups_match_the_clicks( 'purged' );
		$this->assert_reports_match_the_clicks( 'purged' );
	}

	public function test_upgrading_from_schema_2_fills_the_rollups_from_the_clicks(): void {
		global $wpdb;
		$this->clicks();
		$expected = $this->rollups();
		$wpdb->query( 'DELETE FROM ' . Shareworthy_Schema::click_days_table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$wpdb->query( 'DELETE FROM ' . Shareworthy_Schema::click_repeats_table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$wpdb->query( 'DELETE FROM ' . Shareworthy_Schema::click_totals_table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		update_option( Shareworthy_Schema::VERSION_OPTION, 2 );
		Shareworthy_Schema::maybe_upgrade();
		$this->assertSame( Shareworthy_Schema::VERSION, (int) get_option( Shareworthy_Schema::VERSION_OPTION ) );
		$this->assertEquals( $expected, $this->rollups() );
	}

	public function test_the_report_reads_the_rollups_but_local_days_read_the_clicks(): void {
		global $wpdb;
		$shares = $this->clicks();
		$utc    = Shareworthy_Report::run( 'item', array( 'from' => '2026-03-03', 'to' => '2026-03-03' ) )['totals']['clicks'];
		$paris  = array(
			'from'      => '2026-03-03',
			'to'        => '2026-03-03',
			'time_zone' => new DateTimeZone( 'Europe/Paris' ),
		);
		$local  = Shareworthy_Report::run( 'day', $paris )['totals']['clicks'];
		// Written around Shareworthy_Clicks::record(), as an import would: the rollups miss it.
		$wpdb->insert( Shareworthy_Schema::clicks_table(), array( 'share_id' => $shares[0], 'visitor_key' => hash( 'sha256', 'imported' ), 'created_at' => '2026-03-03 12:00:00', 'counted' => 1 ), array( '%d', '%s', '%s', '%d' ) );
		$this->assertSame( $utc, Shareworthy_Report::run( 'item', array( 'from' => '2026-03-03', 'to' => '2026-03-03' ) )['totals']['clicks'] );
		$this->assertSame( $local + 1, Shareworthy_Report::run( 'day', $paris )['totals']['clicks'] );
		Shareworthy_Click_Days::rebuild();
		$this->assertSame( $utc + 1, Shareworthy_Report::run( 'item', array( 'from' => '2026-03-03', 'to' => '2026-03-03' ) )['totals']['clicks'] );
	}
}

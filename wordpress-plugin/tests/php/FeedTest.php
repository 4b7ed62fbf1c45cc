<?php
/**
 * The feed ranking, against core's rankFeed.
 *
 * @package Shareworthy
 */

/**
 * PHP ranks the employee's feed exactly as core's rankFeed would.
 */
final class FeedTest extends Shareworthy_TestCase {

	/**
	 * Core's rankFeed on items, run by Node on core's build.
	 *
	 * @param list<array<string, mixed>> $items    ShareableItem objects.
	 * @param array<string, mixed>       $employee FeedEmployee.
	 * @param int                        $now      Unix time.
	 * @return list<array<string, mixed>>
	 */
	private static function core_rank( array $items, array $employee, int $now ): array {
		$input  = tempnam( sys_get_temp_dir(), 'sw-feed-' );
		file_put_contents( $input, (string) wp_json_encode( array( 'items' => $items, 'employee' => $employee, 'now' => $now * 1000 ) ) );
		$script = 'import(process.argv[1]).then((core) => { const input = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8")); '
			. 'const ranked = core.rankFeed(input.items, input.employee, input.now); '
			. 'process.stdout.write(JSON.stringify(ranked.map((e) => ({ id: Number(e.item.id), score: e.score, reasons: e.reasons, alreadyShared: e.alreadyShared, networks: e.networks })))); });';
		$json   = shell_exec( 'node -e ' . escapeshellarg( $script ) . ' ' . escapeshellarg( 'file://' . dirname( __DIR__, 3 ) . '/core/dist/index.js' ) . ' ' . escapeshellarg( $input ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions
		unlink( $input );
		$ranked = json_decode( (string) $json, true );
		self::assertIsArray( $ranked, 'core/dist must be built (npm run build)' );
		return $ranked;
	}

	/**
	 * The item as core's ShareableItem.
	 *
	 * @param int $id Post.
	 * @return array<string, mixed>
	 */
	private static function as_core_item( int $id ): array {
		$post = get_post( $id );
		$item = array(
			'id'        => (string) $id,
			'publicUrl' => Shareworthy_Items::public_url( $post ),
			'title'     => $post->post_title,
			'messages'  => (object) get_post_meta( $id, Shareworthy_Meta::MESSAGES, true ),
			'hashtags'  => array_values( (array) get_post_meta( $id, Shareworthy_Meta::HASHTAGS, true ) ),
			'topics'    => array_values( (array) get_post_meta( $id, Shareworthy_Meta::TOPICS, true ) ),
			'audience'  => array_values( (array) get_post_meta( $id, Shareworthy_Meta::AUDIENCE, true ) ),
			'kind'      => Shareworthy_Items::kind( $post ),
			'priority'  => Shareworthy_Items::priority( $post ),
			'status'    => get_post_meta( $id, Shareworthy_Meta::STATUS, true ),
			'createdAt' => str_replace( ' ', 'T', $post->post_date_gmt ) . 'Z',
		);
		foreach ( array( 'startsAt' => Shareworthy_Meta::STARTS_AT, 'expiresAt' => Shareworthy_Meta::EXPIRES_AT ) as $field => $key ) {
			$value = (string) get_post_meta( $id, $key, true );
			if ( '' !== $value ) {
				$item[ $field ] = gmdate( 'Y-m-d\TH:i:s\Z', (int) strtotime( $value ) );
			}
		}
		return $item;
	}

	public function test_the_feed_ranks_like_core(): void {
		$now  = strtotime( '2026-11-29 12:00:00 UTC' );
		$day  = DAY_IN_SECONDS;
		$date = static fn( int $ago ): array => array( 'post_date_gmt' => gmdate( 'Y-m-d H:i:s', $now - $ago ), 'post_date' => gmdate( 'Y-m-d H:i:s', $now - $ago ) );
		$iso  = static fn( int $time ): string => gmdate( 'Y-m-d\TH:i:s\Z', $time );
		$user = $this->as_role( 'subscriber' );
		update_user_meta( $user, Shareworthy_Items::USER_TOPICS_META, array( 'Jobs', 'tech' ) );
		update_user_meta( $user, Shareworthy_Items::USER_GROUPS_META, array( 'engineering' ) );

		$ids = array(
			$this->item( array( Shareworthy_Meta::PRIORITY => 80 ), 'Été', $date( 1 * $day ) ),
			$this->item( array( Shareworthy_Meta::TOPICS => array( 'jobs', 'TECH', 'sales' ) ), '', $date( 2 * $day ) ),
			$this->item( array( Shareworthy_Meta::EXPIRES_AT => $iso( $now + 20 * HOUR_IN_SECONDS ) ), '', $date( 3 * $day ) ),
			$this->item( array( Shareworthy_Meta::STARTS_AT => $iso( $now - 2 * $day ) ), '', $date( 30 * $day ) ),
			$this->item( array( Shareworthy_Meta::PRIORITY => 10, Shareworthy_Meta::MESSAGES => array( 'x' => 'Hi', 'linkedin' => 'Bonjour' ) ), '', $date( 5 * $day ) ),
			$this->item( array( Shareworthy_Meta::AUDIENCE => array( 'engineering' ), Shareworthy_Meta::MESSAGES => array( 'default' => 'Salut' ) ), '', $date( 6 * $day ) ),
			$this->item( array( Shareworthy_Meta::AUDIENCE => array( 'sales' ) ), '', $date( 7 * $day ) ),
			$this->item( array( Shareworthy_Meta::STATUS => 'pending' ), '', $date( 8 * $day ) ),
			$this->item( array(), '', $date( 9 * $day ) ),
			$this->item( array( Shareworthy_Meta::PRIORITY => 50 ), '', $date( 100 * $day ) ),
		);
		wp_set_current_user( $user );
		$this->share( $ids[8] ); // Shared already: sinks.

		$php = array_values(
			array_filter(
				array_map(
					static fn( array $e ): array => array( 'id' => $e['post']->ID, 'score' => $e['score'], 'reasons' => $e['reasons'], 'alreadyShared' => $e['alreadyShared'], 'networks' => $e['networks'] ),
					Shareworthy_Items::feed( $user, $now )
				),
				static fn( array $e ): bool => in_array( $e['id'], $ids, true )
			)
		);
		$core = self::core_rank(
			array_map( array( self::class, 'as_core_item' ), $ids ),
			array( 'id' => (string) $user, 'groups' => array( 'engineering' ), 'topics' => array( 'Jobs', 'tech' ), 'sharedItemIds' => array( (string) $ids[8] ) ),
			$now
		);
		$this->assertCount( 8, $core );
		$this->assertSame( wp_json_encode( $core ), wp_json_encode( $php ) );
	}
}

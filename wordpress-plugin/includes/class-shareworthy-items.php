<?php
/**
 * Shareable items: posts whose sharing fields an editor filled in and approved.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Reads items from posts and decides what an employee may share now.
 */
final class Shareworthy_Items {

	/** Option listing extra post types (besides posts and pages) that can be shared. */
	public const POST_TYPES_OPTION = 'shareworthy_post_types';

	/** User meta: slugs of the shareworthy_group terms an employee belongs to. */
	public const USER_GROUPS_META = 'shareworthy_groups';

	/** User meta: topics an employee follows (the feed ranks matching items higher). */
	public const USER_TOPICS_META = 'shareworthy_topics';

	/** Most items the feed considers; an intranet rarely has more live at once. */
	private const FEED_LIMIT = 200;

	/**
	 * Post types whose posts can become shareable items.
	 *
	 * @return list<string>
	 */
	public static function post_types(): array {
		$extra = get_option( self::POST_TYPES_OPTION, array() );
		$types = array_merge( array( 'post', 'page' ), is_array( $extra ) ? array_map( 'strval', $extra ) : array() );
		/**
		 * Filters the post types that can be shared.
		 *
		 * @since 0.1.0
		 *
		 * @param list<string> $types Post type names.
		 */
		$types = (array) apply_filters( 'shareworthy_post_types', $types );
		return array_values( array_unique( array_filter( $types, 'post_type_exists' ) ) );
	}

	/**
	 * Whether the post is an item an employee may share right now: marked shareable,
	 * approved, published, inside its start/expiry window.
	 *
	 * @param WP_Post $post The post.
	 * @param int     $now  Unix time to judge against.
	 */
	public static function is_live( WP_Post $post, int $now ): bool {
		if ( 'publish' !== $post->post_status || ! in_array( $post->post_type, self::post_types(), true ) ) {
			return false;
		}
		if ( ! get_post_meta( $post->ID, Shareworthy_Meta::SHAREABLE, true ) ) {
			return false;
		}
		if ( 'approved' !== get_post_meta( $post->ID, Shareworthy_Meta::STATUS, true ) ) {
			return false;
		}
		$starts  = self::timestamp( (string) get_post_meta( $post->ID, Shareworthy_Meta::STARTS_AT, true ) );
		$expires = self::timestamp( (string) get_post_meta( $post->ID, Shareworthy_Meta::EXPIRES_AT, true ) );
		return ( null === $starts || $starts <= $now ) && ( null === $expires || $now < $expires );
	}

	/**
	 * Whether the item targets the user: no audience means everyone, else one shared group.
	 *
	 * @param WP_Post $post    The item.
	 * @param int     $user_id The employee.
	 */
	public static function is_visible_to( WP_Post $post, int $user_id ): bool {
		$audience = (array) get_post_meta( $post->ID, Shareworthy_Meta::AUDIENCE, true );
		if ( array() === array_filter( $audience ) ) {
			return true;
		}
		$groups = (array) get_user_meta( $user_id, self::USER_GROUPS_META, true );
		return array() !== array_intersect( $audience, $groups );
	}

	/**
	 * The employee's feed, ranked like core's rankFeed: live approved items for their groups
	 * that can go to at least one enabled network, scored by priority, freshness, topic
	 * matches, imminent expiry and whether they shared it already, highest score first.
	 *
	 * @param int $user_id The employee.
	 * @param int $now     Unix time.
	 * @return list<array{post: WP_Post, score: float|int, reasons: list<array{code: string, points: float|int}>, alreadyShared: bool, networks: list<string>}>
	 */
	public static function feed( int $user_id, int $now ): array {
		$query   = new WP_Query(
			array(
				'post_type'           => self::post_types(),
				'post_status'         => 'publish',
				'posts_per_page'      => self::FEED_LIMIT,
				'no_found_rows'       => true,
				'ignore_sticky_posts' => true,
				'orderby'             => 'date',
				'order'               => 'DESC',
				'meta_query'          => array( // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query
					array(
						'key'   => Shareworthy_Meta::SHAREABLE,
						'value' => '1',
					),
					array(
						'key'   => Shareworthy_Meta::STATUS,
						'value' => 'approved',
					),
				),
			)
		);
		$scoring = Shareworthy_Core_Data::curation( 'feedScoring' );
		$default = Shareworthy_Core_Data::curation( 'priority' )['default'];
		$topics  = array_map( 'mb_strtolower', array_map( 'strval', (array) get_user_meta( $user_id, self::USER_TOPICS_META, true ) ) );
		$shared  = Shareworthy_Shares::shared_item_ids( $user_id, array_map( static fn( WP_Post $post ): int => $post->ID, $query->posts ) );
		$at      = $now * 1000;
		$hour    = 3600000;
		$entries = array();
		foreach ( $query->posts as $post ) {
			if ( ! self::is_live( $post, $now ) || ! self::is_visible_to( $post, $user_id ) ) {
				continue;
			}
			$networks = self::networks_for( $post );
			if ( array() === $networks ) {
				continue;
			}
			$created  = (int) strtotime( $post->post_date_gmt . ' UTC' ) * 1000;
			$starts   = self::timestamp( (string) get_post_meta( $post->ID, Shareworthy_Meta::STARTS_AT, true ) );
			$expires  = self::timestamp( (string) get_post_meta( $post->ID, Shareworthy_Meta::EXPIRES_AT, true ) );
			$age      = $at - max( $created, null === $starts ? $created : $starts * 1000 );
			$matches  = count( array_intersect( array_unique( array_map( 'mb_strtolower', (array) get_post_meta( $post->ID, Shareworthy_Meta::TOPICS, true ) ) ), $topics ) );
			$already  = isset( $shared[ $post->ID ] );
			$points   = array(
				'priority'       => self::priority( $post ) - $default,
				'fresh'          => $scoring['freshPoints'] * min( 1, max( 0, 1 - $age / ( $scoring['freshDays'] * 24 * $hour ) ) ),
				'topic-match'    => $scoring['topicPoints'] * min( $matches, $scoring['topicMatchesCounted'] ),
				'expires-soon'   => null !== $expires && $expires * 1000 - $at <= $scoring['expiresSoonHours'] * $hour ? $scoring['expiresSoonPoints'] : 0,
				'already-shared' => $already ? $scoring['alreadySharedPoints'] : 0,
			);
			$reasons  = array();
			$score    = 0;
			foreach ( $points as $code => $value ) {
				$value = self::round2( $value );
				if ( 0.0 !== (float) $value ) {
					$reasons[] = array( 'code' => $code, 'points' => $value );
					$score    += $value;
				}
			}
			$entries[] = array(
				'post'          => $post,
				'score'         => self::round2( $score ),
				'reasons'       => $reasons,
				'alreadyShared' => $already,
				'networks'      => $networks,
			);
		}
		// usort is stable (PHP 8): equal scores keep the newest-first order, as core's sort does.
		usort( $entries, static fn( array $a, array $b ): int => $b['score'] <=> $a['score'] );
		return $entries;
	}

	/**
	 * Core's itemNetworks, narrowed to the networks the site enables: with a "default"
	 * message, every network; with messages for some networks, those; with none, every one.
	 *
	 * @param WP_Post $post The item.
	 * @return list<string>
	 */
	public static function networks_for( WP_Post $post ): array {
		$messages = (array) get_post_meta( $post->ID, Shareworthy_Meta::MESSAGES, true );
		$all      = array_keys( Shareworthy_Core_Data::networks() );
		$named    = isset( $messages['default'] ) ? $all : array_values( array_intersect( $all, array_keys( $messages ) ) );
		return array_values( array_intersect( array() === $named ? $all : $named, self::networks() ) );
	}

	/**
	 * JavaScript's Math.round(value * 100) / 100 (halves round up, not away from zero).
	 *
	 * @param float|int $value Value.
	 * @return float|int
	 */
	private static function round2( $value ) {
		$rounded = floor( $value * 100 + 0.5 ) / 100;
		return floor( $rounded ) === $rounded ? (int) $rounded : $rounded;
	}

	/**
	 * The URL shared on social networks: the item's public URL, else its permalink.
	 *
	 * @param WP_Post $post The item.
	 */
	public static function public_url( WP_Post $post ): string {
		$url = (string) get_post_meta( $post->ID, Shareworthy_Meta::PUBLIC_URL, true );
		return '' !== $url ? $url : (string) get_permalink( $post );
	}

	/**
	 * The item's campaign (its first shareworthy_campaign term), or null.
	 *
	 * @param WP_Post $post The item.
	 * @return array{slug: string, name: string}|null
	 */
	public static function campaign( WP_Post $post ): ?array {
		$terms = get_the_terms( $post, Shareworthy_Meta::CAMPAIGN_TAXONOMY );
		if ( ! is_array( $terms ) || array() === $terms ) {
			return null;
		}
		usort( $terms, static fn( WP_Term $a, WP_Term $b ): int => $a->term_id <=> $b->term_id );
		return array(
			// Term slugs hold non-ASCII letters percent-encoded (sanitize_title).
			'slug' => Shareworthy_Utm::campaign_slug( rawurldecode( $terms[0]->slug ) ),
			'name' => $terms[0]->name,
		);
	}

	/**
	 * What kind of item this is (core's kinds: article, job, event, product): the kind field,
	 * else the category (jobs, events, products), else article.
	 *
	 * @param WP_Post $post The item.
	 */
	public static function kind( WP_Post $post ): string {
		$kind = (string) get_post_meta( $post->ID, Shareworthy_Meta::KIND, true );
		if ( '' === $kind ) {
			$by_category = array(
				'jobs'     => 'job',
				'job'      => 'job',
				'events'   => 'event',
				'event'    => 'event',
				'products' => 'product',
				'product'  => 'product',
			);
			$kind        = 'article';
			foreach ( wp_get_post_categories( $post->ID, array( 'fields' => 'slugs' ) ) as $slug ) {
				if ( isset( $by_category[ $slug ] ) ) {
					$kind = $by_category[ $slug ];
					break;
				}
			}
		}
		/**
		 * Filters an item's kind (one of core's ITEM_KINDS: article, job, event, product).
		 *
		 * @since 0.1.0
		 *
		 * @param string  $kind The kind.
		 * @param WP_Post $post The item.
		 */
		$kind = (string) apply_filters( 'shareworthy_item_kind', $kind, $post );
		return in_array( $kind, Shareworthy_Core_Data::curation( 'itemKinds' ), true ) ? $kind : 'article';
	}

	/**
	 * The item's priority (higher comes first).
	 *
	 * @param WP_Post $post The item.
	 */
	public static function priority( WP_Post $post ): int {
		$stored = get_post_meta( $post->ID, Shareworthy_Meta::PRIORITY, true );
		return '' === $stored ? (int) Shareworthy_Core_Data::curation( 'priority' )['default'] : (int) $stored;
	}

	/**
	 * Networks employees may share to (the core list, narrowed by the option).
	 *
	 * @return list<string>
	 */
	public static function networks(): array {
		$all     = array_keys( Shareworthy_Core_Data::networks() );
		$enabled = get_option( 'shareworthy_networks', $all );
		$enabled = is_array( $enabled ) ? array_values( array_intersect( $all, $enabled ) ) : $all;
		/**
		 * Filters the networks employees may share to.
		 *
		 * @since 0.1.0
		 *
		 * @param list<string> $enabled Network ids, from core's list.
		 */
		return array_values( array_intersect( $all, (array) apply_filters( 'shareworthy_networks', $enabled ) ) );
	}

	/**
	 * Unix time of a stored ISO 8601 date, or null when empty or unreadable.
	 *
	 * @param string $value Stored value.
	 */
	public static function timestamp( string $value ): ?int {
		if ( '' === $value ) {
			return null;
		}
		$time = strtotime( $value );
		return false === $time ? null : $time;
	}
}

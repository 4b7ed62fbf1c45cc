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
	 * The employee's feed: live items targeting them, highest priority first, newest next.
	 *
	 * @param int $user_id The employee.
	 * @return list<WP_Post>
	 */
	public static function feed( int $user_id ): array {
		$query = new WP_Query(
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
		$now   = time();
		$items = array_values(
			array_filter(
				$query->posts,
				static fn( WP_Post $post ): bool => self::is_live( $post, $now ) && self::is_visible_to( $post, $user_id )
			)
		);
		// Stable: equal priorities keep the query's newest-first order.
		usort(
			$items,
			static fn( WP_Post $a, WP_Post $b ): int => self::priority( $b ) <=> self::priority( $a )
		);
		return $items;
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
			'slug' => Shareworthy_Utm::campaign_slug( $terms[0]->slug ),
			'name' => $terms[0]->name,
		);
	}

	/**
	 * What kind of item this is, from its category: news, job, event; article otherwise.
	 *
	 * @param WP_Post $post The item.
	 */
	public static function kind( WP_Post $post ): string {
		$kinds = array(
			'news'   => 'news',
			'jobs'   => 'job',
			'job'    => 'job',
			'events' => 'event',
			'event'  => 'event',
		);
		$kind  = 'article';
		foreach ( wp_get_post_categories( $post->ID, array( 'fields' => 'slugs' ) ) as $slug ) {
			if ( isset( $kinds[ $slug ] ) ) {
				$kind = $kinds[ $slug ];
				break;
			}
		}
		/**
		 * Filters an item's kind (news, job, event, article).
		 *
		 * @since 0.1.0
		 *
		 * @param string  $kind The kind.
		 * @param WP_Post $post The item.
		 */
		return (string) apply_filters( 'shareworthy_item_kind', $kind, $post );
	}

	/**
	 * The item's priority (higher comes first).
	 *
	 * @param WP_Post $post The item.
	 */
	public static function priority( WP_Post $post ): int {
		return (int) get_post_meta( $post->ID, Shareworthy_Meta::PRIORITY, true );
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

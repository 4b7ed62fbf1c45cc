<?php
/**
 * REST: the employee's feed of shareable items.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * GET /shareworthy/v1/items and /items/{id}.
 */
final class Shareworthy_REST_Items_Controller extends Shareworthy_REST_Controller {

	/**
	 * Routes under /shareworthy/v1/items.
	 */
	public function __construct() {
		parent::__construct( 'items' );
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$this->register_resource_routes(
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) ),
				),
			),
			__( 'Item (post) ID.', 'shareworthy' )
		);
	}

	/**
	 * Only users who may share see the feed.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		unset( $request );
		return self::can_share();
	}

	/**
	 * Same rule for one item.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		unset( $request );
		return self::can_share();
	}

	/**
	 * The feed, as a JSON array.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$data = array();
		foreach ( Shareworthy_Items::feed( get_current_user_id(), time() ) as $entry ) {
			$data[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $entry['post'], $request, $entry ) );
		}
		return rest_ensure_response( $data );
	}

	/**
	 * One live item that targets the current user; 404 otherwise.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$post = self::live_item( (int) $request['id'], get_current_user_id() );
		if ( is_wp_error( $post ) ) {
			return $post;
		}
		foreach ( Shareworthy_Items::feed( get_current_user_id(), time() ) as $entry ) {
			if ( $entry['post']->ID === $post->ID ) {
				return $this->prepare_item_for_response( $post, $request, $entry );
			}
		}
		return new WP_Error( 'shareworthy_item_not_shareable', __( 'This item is not open for sharing.', 'shareworthy' ), array( 'status' => 404 ) );
	}

	/**
	 * A live item the user may share, or the error to answer (404 unknown, 400 not shareable).
	 *
	 * @param int $id      Post ID.
	 * @param int $user_id User.
	 * @return WP_Post|WP_Error
	 */
	public static function live_item( int $id, int $user_id ) {
		$post = get_post( $id );
		if ( ! $post instanceof WP_Post || ! in_array( $post->post_type, Shareworthy_Items::post_types(), true ) || 'publish' !== $post->post_status ) {
			return new WP_Error( 'shareworthy_item_not_found', __( 'No such item.', 'shareworthy' ), array( 'status' => 404 ) );
		}
		if ( ! Shareworthy_Items::is_live( $post, time() ) || ! Shareworthy_Items::is_visible_to( $post, $user_id ) ) {
			return new WP_Error( 'shareworthy_item_not_shareable', __( 'This item is not open for sharing.', 'shareworthy' ), array( 'status' => 404 ) );
		}
		return $post;
	}

	/**
	 * Shapes an item for the response.
	 *
	 * @param WP_Post                   $item    Item.
	 * @param WP_REST_Request           $request Request.
	 * @param array<string, mixed>|null $entry   Its feed entry (score, reasons, alreadyShared, networks).
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request, ?array $entry = null ) {
		$post     = $item;
		$messages = (array) get_post_meta( $post->ID, Shareworthy_Meta::MESSAGES, true );
		$starts   = (string) get_post_meta( $post->ID, Shareworthy_Meta::STARTS_AT, true );
		$expires  = (string) get_post_meta( $post->ID, Shareworthy_Meta::EXPIRES_AT, true );
		$image    = get_the_post_thumbnail_url( $post, 'large' );
		$data     = array(
			'id'            => $post->ID,
			'title'         => html_entity_decode( wp_strip_all_tags( get_the_title( $post ) ), ENT_QUOTES, 'UTF-8' ),
			'excerpt'       => html_entity_decode( wp_strip_all_tags( get_the_excerpt( $post ) ), ENT_QUOTES, 'UTF-8' ),
			'url'           => (string) get_permalink( $post ),
			'publicUrl'     => Shareworthy_Items::public_url( $post ),
			'imageUrl'      => is_string( $image ) ? $image : null,
			'messages'      => (object) $messages,
			'hashtags'      => array_values( (array) get_post_meta( $post->ID, Shareworthy_Meta::HASHTAGS, true ) ),
			'topics'        => array_values( (array) get_post_meta( $post->ID, Shareworthy_Meta::TOPICS, true ) ),
			'campaign'      => Shareworthy_Items::campaign( $post ),
			'kind'          => Shareworthy_Items::kind( $post ),
			'priority'      => Shareworthy_Items::priority( $post ),
			'startsAt'      => '' !== $starts ? $starts : null,
			'expiresAt'     => '' !== $expires ? $expires : null,
			'createdAt'     => str_replace( ' ', 'T', $post->post_date_gmt ) . 'Z',
			'networks'      => $entry['networks'] ?? Shareworthy_Items::networks_for( $post ),
			'alreadyShared' => (bool) ( $entry['alreadyShared'] ?? false ),
			'score'         => $entry['score'] ?? 0,
			'reasons'       => $entry['reasons'] ?? array(),
		);
		return $this->respond( $data, $request );
	}

	/**
	 * The item schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return $this->cached_schema( fn(): array => $this->build_schema() );
	}

	/**
	 * Builds the item schema (every field read-only).
	 *
	 * @return array<string, mixed>
	 */
	private function build_schema(): array {
		$string_list  = array(
			'type'  => 'array',
			'items' => array( 'type' => 'string' ),
		);
		$date         = array(
			'type'   => array( 'string', 'null' ),
			'format' => 'date-time',
		);
		$schema       = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'shareworthy-item',
			'type'       => 'object',
			'properties' => array(
				'id'            => array( 'type' => 'integer', 'description' => __( 'Post ID.', 'shareworthy' ) ),
				'title'         => array( 'type' => 'string', 'description' => __( 'Title, plain text.', 'shareworthy' ) ),
				'excerpt'       => array( 'type' => 'string', 'description' => __( 'Excerpt, plain text.', 'shareworthy' ) ),
				'url'           => array( 'type' => 'string', 'format' => 'uri', 'description' => __( 'Intranet permalink.', 'shareworthy' ) ),
				'publicUrl'     => array( 'type' => 'string', 'format' => 'uri', 'description' => __( 'Public URL the tracked link leads to.', 'shareworthy' ) ),
				'imageUrl'      => array( 'type' => array( 'string', 'null' ), 'description' => __( 'Featured image.', 'shareworthy' ) ),
				'messages'      => array( 'type' => 'object', 'description' => __( 'Suggested message per network.', 'shareworthy' ) ),
				'hashtags'      => $string_list,
				'topics'        => $string_list,
				'campaign'      => array(
					'type'       => array( 'object', 'null' ),
					'properties' => array(
						'slug' => array( 'type' => 'string' ),
						'name' => array( 'type' => 'string' ),
					),
				),
				'kind'          => array( 'type' => 'string', 'enum' => Shareworthy_Core_Data::curation( 'itemKinds' ) ),
				'priority'      => array( 'type' => 'integer' ),
				'startsAt'      => $date,
				'expiresAt'     => $date,
				'createdAt'     => $date,
				'networks'      => array_merge( $string_list, array( 'description' => __( 'Networks you may share it to (its messages, narrowed by the site).', 'shareworthy' ) ) ),
				'alreadyShared' => array( 'type' => 'boolean', 'description' => __( 'Whether you shared it already.', 'shareworthy' ) ),
				'score'         => array( 'type' => 'number', 'description' => __( 'Feed score (core rankFeed); the feed is sorted by it.', 'shareworthy' ) ),
				'reasons'       => array(
					'type'        => 'array',
					'description' => __( 'What made up the score.', 'shareworthy' ),
					'items'       => array(
						'type'       => 'object',
						'properties' => array(
							'code'   => array( 'type' => 'string', 'enum' => array( 'priority', 'fresh', 'topic-match', 'expires-soon', 'already-shared' ) ),
							'points' => array( 'type' => 'number' ),
						),
					),
				),
			),
		);
		foreach ( $schema['properties'] as &$property ) {
			$property['context']  = array( 'view', 'edit' );
			$property['readonly'] = true;
		}
		unset( $property );
		return $schema;
	}
}

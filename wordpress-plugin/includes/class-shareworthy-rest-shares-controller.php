<?php
/**
 * REST: creating tracked links and reading their clicks.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * POST /shareworthy/v1/shares and GET /shares/{id}.
 */
final class Shareworthy_REST_Shares_Controller extends Shareworthy_REST_Controller {

	/**
	 * Routes under /shareworthy/v1/shares.
	 */
	public function __construct() {
		parent::__construct( 'shares' );
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
					'args'                => $this->get_collection_params(),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::CREATABLE ),
				),
			),
			__( 'Share ID.', 'shareworthy' )
		);
	}

	/**
	 * Listing one's own shares needs share_shareworthy_items.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		unset( $request );
		return self::can_share();
	}

	/**
	 * The current user's shares, newest first, with X-WP-Total and X-WP-TotalPages.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$per_page = (int) $request['per_page'];
		$page     = (int) $request['page'];
		$user_id  = get_current_user_id();
		$data     = array();
		foreach ( Shareworthy_Shares::latest_for_user( $user_id, $per_page, ( $page - 1 ) * $per_page ) as $share ) {
			$data[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $share, $request ) );
		}
		$total    = Shareworthy_Shares::count_for_user( $user_id );
		$response = rest_ensure_response( $data );
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) (int) ceil( $total / $per_page ) );
		return $response;
	}

	/**
	 * Pagination parameters of the list.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		return array(
			'context'  => $this->get_context_param( array( 'default' => 'view' ) ),
			'page'     => array(
				'description' => __( 'Page of the list, from 1.', 'shareworthy' ),
				'type'        => 'integer',
				'default'     => 1,
				'minimum'     => 1,
			),
			'per_page' => array(
				'description' => __( 'Shares per page.', 'shareworthy' ),
				'type'        => 'integer',
				'default'     => 20,
				'minimum'     => 1,
				'maximum'     => 100,
			),
		);
	}

	/**
	 * Sharing needs share_shareworthy_items.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		unset( $request );
		return self::can_share();
	}

	/**
	 * Creates the share: 201, Location, the tracked link and the network's share intent.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$prepared = $this->prepare_item_for_database( $request );
		if ( is_wp_error( $prepared ) ) {
			return $prepared;
		}
		$share = Shareworthy_Shares::create( $prepared['item']->ID, get_current_user_id(), $prepared['network'] );
		if ( is_wp_error( $share ) ) {
			return $share;
		}
		/**
		 * Fires after an employee created a tracked link.
		 *
		 * @since 0.1.0
		 *
		 * @param array<string, mixed> $share The stored share.
		 */
		do_action( 'shareworthy_share_created', $share );
		$response = $this->prepare_item_for_response( $share, $request );
		$response->set_status( 201 );
		$response->header( 'Location', rest_url( sprintf( '%s/%s/%d', $this->namespace, $this->rest_base, $share['id'] ) ) );
		return $response;
	}

	/**
	 * Checks the body: the item must be live and target the user, the network enabled.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array{item: WP_Post, network: string}|WP_Error
	 */
	protected function prepare_item_for_database( $request ) {
		$item = Shareworthy_REST_Items_Controller::live_item( (int) $request['itemId'], get_current_user_id() );
		if ( is_wp_error( $item ) ) {
			if ( 'shareworthy_item_not_shareable' === $item->get_error_code() ) {
				$item->add_data( array( 'status' => 400 ) );
			}
			return $item;
		}
		$network = (string) $request['network'];
		if ( ! in_array( $network, Shareworthy_Items::networks_for( $item ), true ) ) {
			return new WP_Error( 'shareworthy_network_not_allowed', __( 'This item cannot be shared to this network (turned off on this site, or the item has messages for other networks only).', 'shareworthy' ), array( 'status' => 400 ) );
		}
		return array(
			'item'    => $item,
			'network' => $network,
		);
	}

	/**
	 * Reading a share: its owner, or someone who sees reports. 401 logged out, 404 unknown.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		if ( ! is_user_logged_in() ) {
			return new WP_Error( 'shareworthy_forbidden', __( 'You must be logged in to see shares.', 'shareworthy' ), array( 'status' => 401 ) );
		}
		$share = Shareworthy_Shares::find( (int) $request['id'] );
		if ( null === $share ) {
			return new WP_Error( 'shareworthy_share_not_found', __( 'No such share.', 'shareworthy' ), array( 'status' => 404 ) );
		}
		if ( get_current_user_id() !== $share['user_id'] && ! current_user_can( Shareworthy_Capabilities::VIEW_REPORTS ) ) {
			return new WP_Error( 'shareworthy_forbidden', __( 'You may only see your own shares.', 'shareworthy' ), array( 'status' => 403 ) );
		}
		return true;
	}

	/**
	 * One share with its counted clicks.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$share = Shareworthy_Shares::find( (int) $request['id'] );
		if ( null === $share ) {
			return new WP_Error( 'shareworthy_share_not_found', __( 'No such share.', 'shareworthy' ), array( 'status' => 404 ) );
		}
		return $this->prepare_item_for_response( $share, $request );
	}

	/**
	 * Shapes a share.
	 *
	 * @param array<string, mixed> $item    Share row.
	 * @param WP_REST_Request      $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		$tracked = Shareworthy_Utm::tracked_url( $item['code'] );
		$data    = array(
			'id'         => $item['id'],
			'itemId'     => $item['item_id'],
			'network'    => $item['network'],
			'code'       => $item['code'],
			'trackedUrl' => $tracked,
			'intentUrl'  => Shareworthy_Utm::intent_url( $item['network'], $tracked, self::message( $item['item_id'], $item['network'] ), html_entity_decode( get_the_title( $item['item_id'] ), ENT_QUOTES, 'UTF-8' ) ),
			'createdAt'  => str_replace( ' ', 'T', $item['created_at'] ) . 'Z',
			'clicks'     => Shareworthy_Clicks::count_for_share( $item['id'] ),
		);
		// register_rest_field() fields, e.g. trackerError.
		return $this->respond( $this->add_additional_fields_to_object( $data, $request ), $request );
	}

	/**
	 * The share schema. itemId and network are the only writable fields.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return $this->cached_schema( fn(): array => $this->build_schema() );
	}

	/**
	 * Builds the share schema.
	 *
	 * @return array<string, mixed>
	 */
	private function build_schema(): array {
		$read_only = static fn( array $property ): array => $property + array(
			'context'  => array( 'view', 'edit' ),
			'readonly' => true,
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'shareworthy-share',
			'type'       => 'object',
			'properties' => array(
				'id'         => $read_only( array( 'type' => 'integer', 'description' => __( 'Share ID.', 'shareworthy' ) ) ),
				'itemId'     => array(
					'type'        => 'integer',
					'minimum'     => 1,
					'required'    => true,
					'description' => __( 'The item (post) shared.', 'shareworthy' ),
					'context'     => array( 'view', 'edit' ),
				),
				'network'    => array(
					'type'        => 'string',
					'enum'        => array_keys( Shareworthy_Core_Data::networks() ),
					'required'    => true,
					'description' => __( 'Network shared to.', 'shareworthy' ),
					'context'     => array( 'view', 'edit' ),
				),
				'code'       => $read_only( array( 'type' => 'string', 'description' => __( 'Code in the tracked link.', 'shareworthy' ) ) ),
				'trackedUrl' => $read_only( array( 'type' => 'string', 'format' => 'uri', 'description' => __( 'The tracked link to share.', 'shareworthy' ) ) ),
				'intentUrl'  => $read_only( array( 'type' => 'string', 'description' => __( 'Opens the network\'s share dialog with the tracked link (empty when the network has none).', 'shareworthy' ) ) ),
				'createdAt'  => $read_only( array( 'type' => 'string', 'format' => 'date-time', 'description' => __( 'When the share was created (UTC).', 'shareworthy' ) ) ),
				'clicks'     => $read_only( array( 'type' => 'integer', 'description' => __( 'Counted clicks (people, not bots, previews or repeats within 30 minutes).', 'shareworthy' ) ) ),
			),
		);
	}

	/**
	 * The text prefilled in the share intent: the network's message, else the title, then hashtags.
	 *
	 * @param int    $item_id Item.
	 * @param string $network Network.
	 */
	private static function message( int $item_id, string $network ): string {
		$messages = (array) get_post_meta( $item_id, Shareworthy_Meta::MESSAGES, true );
		$text     = (string) ( $messages[ $network ] ?? $messages['default'] ?? '' );
		$text     = '' !== $text ? $text : html_entity_decode( get_the_title( $item_id ), ENT_QUOTES, 'UTF-8' );
		$tags     = array_map( static fn( $tag ): string => '#' . $tag, (array) get_post_meta( $item_id, Shareworthy_Meta::HASHTAGS, true ) );
		return trim( $text . ( array() === $tags ? '' : ' ' . implode( ' ', $tags ) ) );
	}
}

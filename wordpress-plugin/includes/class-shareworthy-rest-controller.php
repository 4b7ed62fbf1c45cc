<?php
/**
 * REST: what the employee-facing resources (items, shares) have in common.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Base of the items and shares controllers: the shareworthy/v1 namespace, the collection
 * route and the /{base}/{id} route they both have, the share-capability check, the cached
 * schema and answers narrowed to the request's context.
 */
abstract class Shareworthy_REST_Controller extends WP_REST_Controller {

	/** Namespace of the plugin's REST routes. */
	public const ROUTE_NAMESPACE = 'shareworthy/v1';

	/**
	 * Sets namespace and base.
	 *
	 * @param string $rest_base Route base: items, shares.
	 */
	public function __construct( string $rest_base ) {
		$this->namespace = self::ROUTE_NAMESPACE;
		$this->rest_base = $rest_base;
	}

	/**
	 * Registers /{base} with the given endpoints, and /{base}/{id} read by get_item(); both
	 * describe themselves with the item schema.
	 *
	 * @param list<array<string, mixed>> $collection     Endpoints of /{base}.
	 * @param string                     $id_description What the id in /{base}/{id} is.
	 */
	protected function register_resource_routes( array $collection, string $id_description ): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array_merge( $collection, array( 'schema' => array( $this, 'get_public_item_schema' ) ) )
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => array(
					'id' => array(
						'description' => $id_description,
						'type'        => 'integer',
						'minimum'     => 1,
					),
				),
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The answer: the fields the request's context (view by default) may see.
	 *
	 * @param array<string, mixed> $data    Every field.
	 * @param WP_REST_Request      $request Request.
	 */
	protected function respond( array $data, $request ): WP_REST_Response {
		return rest_ensure_response( $this->filter_response_by_context( $data, $request['context'] ?? 'view' ) );
	}

	/**
	 * The item schema, built once, with the fields others registered (register_rest_field).
	 *
	 * @param callable(): array<string, mixed> $build Builds the schema.
	 * @return array<string, mixed>
	 */
	protected function cached_schema( callable $build ): array {
		$this->schema ??= $build();
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * 401 when logged out, 403 without the share capability.
	 *
	 * @return true|WP_Error
	 */
	public static function can_share() {
		if ( current_user_can( Shareworthy_Capabilities::SHARE ) ) {
			return true;
		}
		return new WP_Error(
			'shareworthy_forbidden',
			__( 'You are not allowed to share items.', 'shareworthy' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}
}

<?php
/**
 * REST: GET and POST /shareworthy/v1/settings, every setting of Shareworthy → Settings.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * The plugin's own settings route, for manage_shareworthy: core's /wp/v2/settings needs
 * manage_options, which a Shareworthy manager need not have.
 */
final class Shareworthy_REST_Settings_Controller extends WP_REST_Controller {

	/**
	 * Sets namespace and base.
	 */
	public function __construct() {
		$this->namespace = 'shareworthy/v1';
		$this->rest_base = 'settings';
	}

	/**
	 * Registers the route; each field of a POST is validated against its schema (a 400
	 * `rest_invalid_param` naming every bad field), the policy also by core's compile rules.
	 */
	public function register_routes(): void {
		$args = array();
		foreach ( Shareworthy_Settings::fields() as $field => $definition ) {
			// Validated all in one pass, so one 400 names every bad field (without a
			// validate_callback, WordPress checks schemas later, stopping at the first failure).
			$args[ $field ] = $definition['schema'] + array( 'validate_callback' => 'rest_validate_request_arg' );
		}
		$args['policy']['validate_callback'] = array( $this, 'validate_policy_arg' );
		$args['defaultCampaign']['validate_callback'] = array( $this, 'validate_campaign_arg' );
		$args['postTypes']['validate_callback']       = array( $this, 'validate_post_types_arg' );
		if ( isset( $args['trackerApiKey'] ) ) {
			$args['trackerApiKey']['validate_callback'] = array( $this, 'validate_tracker_key_arg' );
		}
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => $args,
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Reading the settings needs manage_shareworthy.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		unset( $request );
		if ( current_user_can( Shareworthy_Capabilities::MANAGE ) ) {
			return true;
		}
		return new WP_Error( 'rest_forbidden', __( 'Sorry, you are not allowed to manage Shareworthy settings.', 'shareworthy' ), array( 'status' => rest_authorization_required_code() ) );
	}

	/**
	 * Changing them too.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function update_item_permissions_check( $request ) {
		return $this->get_item_permissions_check( $request );
	}

	/**
	 * GET: every setting.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		unset( $request );
		return rest_ensure_response( Shareworthy_Settings::values() );
	}

	/**
	 * POST: saves the fields sent (others keep their values), answers every setting.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function update_item( $request ) {
		$values = array();
		foreach ( array_keys( Shareworthy_Settings::fields() ) as $field ) {
			if ( null !== $request->get_param( $field ) ) {
				$values[ $field ] = $request->get_param( $field );
			}
		}
		Shareworthy_Settings::save( $values );
		return rest_ensure_response( Shareworthy_Settings::values() );
	}

	/**
	 * The policy: its schema, then what core's compilePolicy() would refuse.
	 *
	 * @param mixed           $value   Value sent.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   Field name.
	 * @return true|WP_Error
	 */
	public function validate_policy_arg( $value, $request, $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		return true === $valid ? Shareworthy_Admin_Settings::validate_policy( $value ) : $valid;
	}

	/**
	 * The default campaign must give a utm_campaign slug.
	 *
	 * @param mixed           $value   Value sent.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   Field name.
	 * @return true|WP_Error
	 */
	public function validate_campaign_arg( $value, $request, $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( true === $valid && '' === Shareworthy_Utm::campaign_slug( (string) $value ) ) {
			return new WP_Error( 'rest_invalid_param', __( 'The default campaign needs at least one letter or digit.', 'shareworthy' ), array( 'status' => 400 ) );
		}
		return $valid;
	}

	/**
	 * Shareable post types must exist.
	 *
	 * @param mixed           $value   Value sent.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   Field name.
	 * @return true|WP_Error
	 */
	public function validate_post_types_arg( $value, $request, $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( true !== $valid ) {
			return $valid;
		}
		foreach ( (array) $value as $type ) {
			if ( ! post_type_exists( (string) $type ) ) {
				/* translators: %s: post type name */
				return new WP_Error( 'rest_invalid_param', sprintf( __( 'There is no post type “%s”.', 'shareworthy' ), (string) $type ), array( 'status' => 400 ) );
			}
		}
		return true;
	}

	/**
	 * A tracker key: empty (no tracker), the masked key as answered (keep it), or what the
	 * tracker accepts as a key (TRACKER_API_KEYS: 8 to 256 visible ASCII characters, no
	 * "," or ":"; the rule of Shareworthy_Tracker_Client::sanitize_key()).
	 *
	 * @param mixed           $value   Value sent.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   Field name.
	 * @return true|WP_Error
	 */
	public function validate_tracker_key_arg( $value, $request, $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( true !== $valid ) {
			return $valid;
		}
		$key    = trim( (string) $value );
		$stored = (string) get_option( Shareworthy_Tracker_Client::KEY_OPTION, '' );
		if ( '' === $key || ( '' !== $stored && Shareworthy_Tracker_Client::mask( $stored ) === $key ) || 1 === preg_match( '/^[\x21-\x2b\x2d-\x39\x3b-\x7e]{8,256}$/D', $key ) ) {
			return true;
		}
		return new WP_Error( 'rest_invalid_param', __( 'The click tracker API key must be 8 to 256 visible ASCII characters, without spaces, commas or colons.', 'shareworthy' ), array( 'status' => 400 ) );
	}

	/**
	 * The settings object's schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$properties = array();
		foreach ( Shareworthy_Settings::fields() as $field => $definition ) {
			$properties[ $field ] = $definition['schema'] + array( 'context' => array( 'view', 'edit' ) );
		}
		$properties['policyVersion'] = array(
			'description' => __( 'Version of the policy text: rises when the text changes; 0 while there is no text.', 'shareworthy' ),
			'type'        => 'integer',
			'context'     => array( 'view', 'edit' ),
			'readonly'    => true,
		);
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'shareworthy-settings',
			'type'       => 'object',
			'properties' => $properties,
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}

<?php
/**
 * A real click tracker (packages/tracker's command line) for PHP tests: started on a
 * temporary SQLite file and a free loopback port before a test class, stopped after it.
 *
 * @package Shareworthy
 */

/**
 * Starts and stops the tracker: the class using it calls start_tracker() in
 * setUpBeforeClass() and require_tracker() in setUp(); the tracker stops after the class.
 */
trait Shareworthy_Tracker_Process {

	/**
	 * The tracker process.
	 *
	 * @var resource|null
	 */
	private static $process = null;

	/** Its base URL. */
	private static string $url = '';

	/** Its temporary folder (database, log). */
	private static string $dir = '';

	/** Why the tests cannot run here, when they cannot. */
	private static ?string $unavailable = null;

	/**
	 * Starts the tracker, or notes why it cannot (no node, tracker not built). In CI both
	 * must be there: a missing build fails the suite instead of skipping it.
	 *
	 * @param string $api_keys TRACKER_API_KEYS.
	 */
	private static function start_tracker( string $api_keys ): void {
		$root = dirname( __DIR__, 3 );
		$node = trim( (string) shell_exec( 'command -v node' ) );
		if ( '' === $node || ! is_file( $root . '/packages/tracker/dist/cli.js' ) ) {
			self::$unavailable = '' === $node ? 'node is not installed' : 'packages/tracker is not built (npm run build -w @shareworthy/tracker)';
			if ( getenv( 'CI' ) ) {
				throw new RuntimeException( self::$unavailable );
			}
			return;
		}
		$port      = (int) substr( (string) strrchr( self::free_address(), ':' ), 1 );
		self::$dir = sys_get_temp_dir() . '/shareworthy-tracker-' . getmypid() . '-' . substr( md5( static::class ), 0, 8 );
		@mkdir( self::$dir, 0700, true ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		$log           = self::$dir . '/tracker.log';
		self::$url     = 'http://127.0.0.1:' . $port;
		self::$process = proc_open(
			array( $node, $root . '/packages/tracker/bin/shareworthy-tracker.mjs' ),
			array(
				0 => array( 'file', '/dev/null', 'r' ),
				1 => array( 'file', $log, 'a' ),
				2 => array( 'file', $log, 'a' ),
			),
			$pipes,
			$root,
			array(
				'PATH'                         => (string) getenv( 'PATH' ),
				'TRACKER_PORT'                 => (string) $port,
				'TRACKER_SQLITE_PATH'          => self::$dir . '/tracker.sqlite',
				'TRACKER_SQLITE_SYNCHRONOUS'   => 'NORMAL',
				'TRACKER_API_KEYS'             => $api_keys,
				// The test items' public URLs, and the site itself for items without one.
				'TRACKER_ALLOWED_TARGET_HOSTS' => 'www.example.com,127.0.0.1',
				'TRACKER_LOG_LEVEL'            => 'warn',
			)
		);
		$deadline = microtime( true ) + 20;
		while ( microtime( true ) < $deadline ) {
			$health = wp_remote_get( self::$url . '/healthz', array( 'timeout' => 1 ) );
			if ( 200 === wp_remote_retrieve_response_code( $health ) ) {
				return;
			}
			if ( ! proc_get_status( self::$process )['running'] ) {
				break;
			}
			usleep( 100000 );
		}
		throw new RuntimeException( 'The tracker did not start: ' . (string) file_get_contents( $log ) );
	}

	/**
	 * A loopback address nothing listens on (a port the system just gave out and took back).
	 *
	 * @return string 127.0.0.1:port
	 */
	private static function free_address(): string {
		$socket  = stream_socket_server( 'tcp://127.0.0.1:0' );
		$address = (string) stream_socket_get_name( $socket, false );
		fclose( $socket );
		return $address;
	}

	/**
	 * Stops the tracker after the class's tests.
	 */
	public static function tearDownAfterClass(): void {
		self::stop_tracker();
		parent::tearDownAfterClass();
	}

	/**
	 * Skips the test when the tracker could not start here.
	 */
	private function require_tracker(): void {
		if ( null !== self::$unavailable ) {
			$this->markTestSkipped( 'No click tracker to test against: ' . self::$unavailable . '.' );
		}
	}

	/**
	 * Stops the tracker (SIGTERM: it writes pending clicks and exits) and removes its files.
	 */
	private static function stop_tracker(): void {
		if ( is_resource( self::$process ) ) {
			proc_terminate( self::$process );
			$deadline = microtime( true ) + 5;
			while ( proc_get_status( self::$process )['running'] && microtime( true ) < $deadline ) {
				usleep( 50000 );
			}
			if ( proc_get_status( self::$process )['running'] ) {
				proc_terminate( self::$process, 9 );
			}
			proc_close( self::$process );
			self::$process = null;
		}
		if ( '' !== self::$dir ) {
			array_map( 'unlink', glob( self::$dir . '/*' ) ?: array() );
			@rmdir( self::$dir ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		}
	}
}

<?php
/**
 * Seeds the local site with demo content once: French and English intranet articles (news,
 * a job offer, an event), two campaigns, employee groups, shareable items in every review
 * state, and shares with clicks spread over the last weeks so reports have something to
 * show. Usage: php demo-content.php <site dir>
 *
 * @package Shareworthy
 */

if ( PHP_SAPI !== 'cli' || ! isset( $argv[1] ) ) {
	exit( 1 );
}
$_SERVER['HTTP_HOST'] = '127.0.0.1';
require $argv[1] . '/wp-load.php';

// Rewrite rules are rebuilt here, where the plugin's /go/ rule is registered.
flush_rewrite_rules();
if ( get_option( 'shareworthy_demo_content' ) ) {
	echo "demo content present\n";
	exit( 0 );
}

$shareworthy_admin = get_user_by( 'login', 'admin' );
wp_set_current_user( 0 ); // Seeding is trusted code, not a user action.

$shareworthy_categories = array();
foreach ( array( 'news' => 'Actualités / News', 'jobs' => 'Offres d’emploi / Jobs', 'events' => 'Événements / Events' ) as $shareworthy_slug => $shareworthy_name ) {
	$shareworthy_term                            = term_exists( $shareworthy_slug, 'category' ) ?: wp_insert_term( $shareworthy_name, 'category', array( 'slug' => $shareworthy_slug ) );
	$shareworthy_categories[ $shareworthy_slug ] = (int) $shareworthy_term['term_id'];
}
foreach ( array( 'Été 2026 — Recrutement', 'Innovation Week 2026' ) as $shareworthy_name ) {
	if ( ! term_exists( sanitize_title( $shareworthy_name ), 'shareworthy_campaign' ) ) {
		wp_insert_term( $shareworthy_name, 'shareworthy_campaign' );
	}
}
foreach ( array( 'sales' => 'Ventes / Sales', 'engineering' => 'Ingénierie / Engineering' ) as $shareworthy_slug => $shareworthy_name ) {
	if ( ! term_exists( $shareworthy_slug, 'shareworthy_group' ) ) {
		wp_insert_term( $shareworthy_name, 'shareworthy_group', array( 'slug' => $shareworthy_slug ) );
	}
}
update_user_meta( get_user_by( 'login', 'employee' )->ID, 'shareworthy_groups', array( 'engineering' ) );
update_user_meta( get_user_by( 'login', 'employee' )->ID, 'shareworthy_topics', array( 'tech', 'jobs' ) );

$shareworthy_day = DAY_IN_SECONDS;
$shareworthy_now = time();
$shareworthy_iso = static fn( int $time ): string => gmdate( 'Y-m-d\TH:i:s\Z', $time );
// title, lang, category, campaign, status, extra meta.
$shareworthy_articles = array(
	array( 'Nous recrutons 40 ingénieurs cet été', 'fr', 'jobs', 'Été 2026 — Recrutement', 'approved', array( 'shareworthy_priority' => 90, 'shareworthy_hashtags' => array( 'recrutement', 'ingénierie' ), 'shareworthy_topics' => array( 'emploi' ) ) ),
	array( 'Offre : développeuse ou développeur PHP (CDI, Lyon)', 'fr', 'jobs', 'Été 2026 — Recrutement', 'approved', array( 'shareworthy_priority' => 70, 'shareworthy_hashtags' => array( 'emploi', 'PHP' ), 'shareworthy_topics' => array( 'emploi', 'tech' ), 'shareworthy_expires_at' => $shareworthy_iso( $shareworthy_now + 60 * $shareworthy_day ) ) ),
	array( 'Job offer: Senior Data Engineer (remote, EU)', 'en', 'jobs', 'Été 2026 — Recrutement', 'approved', array( 'shareworthy_priority' => 60, 'shareworthy_hashtags' => array( 'hiring', 'data' ), 'shareworthy_topics' => array( 'jobs' ) ) ),
	array( 'Innovation Week: join us in Paris on June 12', 'en', 'events', 'Innovation Week 2026', 'approved', array( 'shareworthy_priority' => 80, 'shareworthy_hashtags' => array( 'InnovationWeek' ), 'shareworthy_topics' => array( 'events' ), 'shareworthy_starts_at' => $shareworthy_iso( $shareworthy_now - 5 * $shareworthy_day ), 'shareworthy_expires_at' => $shareworthy_iso( $shareworthy_now + 30 * $shareworthy_day ) ) ),
	array( 'Semaine de l’innovation : le programme complet', 'fr', 'events', 'Innovation Week 2026', 'approved', array( 'shareworthy_priority' => 50, 'shareworthy_hashtags' => array( 'innovation' ), 'shareworthy_topics' => array( 'événements' ) ) ),
	array( 'Notre usine de Grenoble passe à 100 % d’électricité renouvelable', 'fr', 'news', 'Innovation Week 2026', 'approved', array( 'shareworthy_hashtags' => array( 'énergie', 'RSE' ), 'shareworthy_topics' => array( 'rse' ) ) ),
	array( 'Q2 results: a record quarter for the whole team', 'en', 'news', '', 'approved', array( 'shareworthy_priority' => 20, 'shareworthy_topics' => array( 'company' ) ) ),
	array( 'Engineering blog: how we cut build times by half', 'en', 'news', '', 'approved', array( 'shareworthy_audience' => array( 'engineering' ), 'shareworthy_hashtags' => array( 'DevOps' ), 'shareworthy_topics' => array( 'tech' ) ) ),
	array( 'Sales kick-off: the slides are online', 'en', 'news', '', 'approved', array( 'shareworthy_audience' => array( 'sales' ), 'shareworthy_topics' => array( 'sales' ) ) ),
	array( 'Portes ouvertes du campus : inscriptions bientôt ouvertes', 'fr', 'events', 'Été 2026 — Recrutement', 'approved', array( 'shareworthy_starts_at' => $shareworthy_iso( $shareworthy_now + 7 * $shareworthy_day ) ) ),
	array( 'Stage été 2025 : merci à toutes et à tous', 'fr', 'news', 'Été 2026 — Recrutement', 'archived', array( 'shareworthy_expires_at' => $shareworthy_iso( $shareworthy_now - 30 * $shareworthy_day ) ) ),
	array( 'Draft: new benefits package (awaiting review)', 'en', 'news', '', 'pending', array() ),
);

$shareworthy_items = array();
foreach ( $shareworthy_articles as $shareworthy_index => list( $shareworthy_title, $shareworthy_lang, $shareworthy_category, $shareworthy_campaign, $shareworthy_status, $shareworthy_meta ) ) {
	$shareworthy_slug = sanitize_title( $shareworthy_title );
	$shareworthy_body = 'fr' === $shareworthy_lang
		? 'Cet article de l’intranet peut être partagé par les collaborateurs sur leurs réseaux. Le lien public mène à la version publiée sur le site de l’entreprise.'
		: 'This intranet article can be shared by employees on their networks. The public link leads to the version published on the company website.';
	$shareworthy_id = wp_insert_post(
		array(
			'post_title'    => $shareworthy_title,
			'post_content'  => "<!-- wp:paragraph -->\n<p>{$shareworthy_body}</p>\n<!-- /wp:paragraph -->",
			'post_status'   => 'publish',
			'post_author'   => $shareworthy_admin->ID,
			'post_date'     => gmdate( 'Y-m-d H:i:s', $shareworthy_now - ( 12 - $shareworthy_index ) * 2 * $shareworthy_day ),
			'post_category' => array( $shareworthy_categories[ $shareworthy_category ] ),
		),
		true
	);
	if ( is_wp_error( $shareworthy_id ) ) {
		fwrite( STDERR, $shareworthy_id->get_error_message() . "\n" );
		exit( 1 );
	}
	$shareworthy_meta += array(
		'shareworthy_shareable'  => true,
		'shareworthy_status'     => $shareworthy_status,
		'shareworthy_public_url' => 'https://www.example.com/' . ( 'fr' === $shareworthy_lang ? 'fr/' : 'en/' ) . $shareworthy_slug . '?ref=intranet',
		'shareworthy_messages'   => array(
			'linkedin' => 'fr' === $shareworthy_lang ? "Fier de partager : {$shareworthy_title}" : "Proud to share: {$shareworthy_title}",
			'x'        => $shareworthy_title,
		),
	);
	foreach ( $shareworthy_meta as $shareworthy_key => $shareworthy_value ) {
		update_post_meta( $shareworthy_id, $shareworthy_key, $shareworthy_value );
	}
	if ( '' !== $shareworthy_campaign ) {
		wp_set_object_terms( $shareworthy_id, sanitize_title( $shareworthy_campaign ), 'shareworthy_campaign' );
	}
	$shareworthy_items[] = $shareworthy_id;
}

// Shares and clicks on the first live items, spread over the last three weeks.
global $wpdb;
$shareworthy_networks = array( 'linkedin', 'x', 'linkedin', 'facebook', 'linkedin', 'teams' );
$shareworthy_users    = array( 'employee', 'editor', 'admin', 'author' );
mt_srand( 2026 ); // Same demo every time.
$shareworthy_shares = 0;
$shareworthy_clicks = 0;
foreach ( array_slice( $shareworthy_items, 0, 7 ) as $shareworthy_index => $shareworthy_item ) {
	foreach ( $shareworthy_users as $shareworthy_user_index => $shareworthy_login ) {
		if ( ( $shareworthy_index + $shareworthy_user_index ) % 3 === 2 ) {
			continue;
		}
		$shareworthy_user    = get_user_by( 'login', $shareworthy_login );
		$shareworthy_network = $shareworthy_networks[ ( $shareworthy_index + $shareworthy_user_index ) % count( $shareworthy_networks ) ];
		$shareworthy_share   = Shareworthy_Shares::create( $shareworthy_item, $shareworthy_user->ID, $shareworthy_network );
		$shareworthy_created = $shareworthy_now - mt_rand( 2, 21 ) * $shareworthy_day;
		$wpdb->update( Shareworthy_Schema::shares_table(), array( 'created_at' => gmdate( 'Y-m-d H:i:s', $shareworthy_created ) ), array( 'id' => $shareworthy_share['id'] ), array( '%s' ), array( '%d' ) );
		++$shareworthy_shares;
		$shareworthy_count = mt_rand( 0, 25 );
		for ( $shareworthy_click = 0; $shareworthy_click < $shareworthy_count; $shareworthy_click++ ) {
			$wpdb->insert(
				Shareworthy_Schema::clicks_table(),
				array(
					'share_id'    => $shareworthy_share['id'],
					'visitor_key' => hash( 'sha256', "demo-{$shareworthy_share['id']}-{$shareworthy_click}" ),
					'created_at'  => gmdate( 'Y-m-d H:i:s', mt_rand( $shareworthy_created, $shareworthy_now ) ),
					'counted'     => mt_rand( 0, 9 ) > 0 ? 1 : 0,
				),
				array( '%d', '%s', '%s', '%d' )
			);
			++$shareworthy_clicks;
		}
	}
}
Shareworthy_Click_Days::rebuild(); // The clicks above were written around Shareworthy_Clicks::record().
update_option( 'shareworthy_demo_content', 1 );
printf( "demo content created: %d articles, %d shares, %d clicks\n", count( $shareworthy_items ), $shareworthy_shares, $shareworthy_clicks );

/**
 * Entry of Shareworthy → Settings (enqueued by Shareworthy_Admin_Settings on that page only).
 */
import { createRoot } from '@wordpress/element';
import SettingsApp from './app';
import './settings.scss';

const root = document.getElementById( 'shareworthy-settings' );
if ( root ) {
	createRoot( root ).render(
		<SettingsApp config={ window.shareworthySettings } />
	);
}

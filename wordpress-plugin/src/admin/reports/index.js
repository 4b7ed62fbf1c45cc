/**
 * Entry of Shareworthy → Reports (enqueued by Shareworthy_Admin on that page only).
 */
import { createRoot } from '@wordpress/element';
import ReportsApp from './app';
import './reports.scss';

const root = document.getElementById( 'shareworthy-reports' );
if ( root ) {
	createRoot( root ).render(
		<ReportsApp config={ window.shareworthyReports } />
	);
}

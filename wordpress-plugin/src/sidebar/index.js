import { registerPlugin } from '@wordpress/plugins';

import SharingPanel from './panel';
import './editor.scss';

registerPlugin( 'shareworthy-sharing', {
	render: () => <SharingPanel settings={ window.shareworthyEditor } />,
} );

import { __ } from '@wordpress/i18n';
import {
	Button,
	FormTokenField,
	RangeControl,
	SelectControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { store as coreStore, useEntityProp } from '@wordpress/core-data';
import {
	PluginDocumentSettingPanel,
	store as editorStore,
} from '@wordpress/editor';
import { useCallback, useMemo } from '@wordpress/element';

import { startingMessage } from '../shared/message';
import { createPolicyChecker } from '../shared/policy';
import { fromLocalInput, toLocalInput } from './dates';
import MessageField from './message-field';
import ShareSummary from './summary';

const CAMPAIGNS = 'shareworthy-campaigns';

/**
 * The review states and who may set them (mirrors Shareworthy_Meta::STATUSES).
 *
 * @return {Array<{ value: string, label: string }>} Options.
 */
const statusOptions = () => [
	{ value: 'draft', label: __( 'Draft', 'shareworthy' ) },
	{ value: 'pending', label: __( 'Waiting for approval', 'shareworthy' ) },
	{ value: 'approved', label: __( 'Approved', 'shareworthy' ) },
	{ value: 'archived', label: __( 'Archived', 'shareworthy' ) },
];

/**
 * Display name of an item kind (core's curation kinds).
 *
 * @param {string} kind Kind id.
 * @return {string} Label.
 */
function kindLabel( kind ) {
	const labels = {
		article: __( 'Article', 'shareworthy' ),
		job: __( 'Job offer', 'shareworthy' ),
		event: __( 'Event', 'shareworthy' ),
		product: __( 'Product', 'shareworthy' ),
	};
	return labels[ kind ] ?? kind;
}

/**
 * The "Sharing" panel of the document settings: everything employees see when they share
 * this post, stored as post meta through the post entity (saved with the post).
 *
 * @param {Object} props          Props.
 * @param {Object} props.settings Site data from PHP (`window.shareworthyEditor`).
 * @return {Element|null} The panel.
 */
export default function SharingPanel( { settings } ) {
	const { postType, permalink } = useSelect(
		( select ) => ( {
			postType: select( editorStore ).getCurrentPostType(),
			permalink: select( editorStore ).getPermalink(),
		} ),
		[]
	);
	const [ meta, setMeta ] = useEntityProp( 'postType', postType, 'meta' );
	const [ campaignIds, setCampaignIds ] = useEntityProp(
		'postType',
		postType,
		CAMPAIGNS
	);
	const campaigns = useSelect(
		( select ) =>
			select( coreStore ).getEntityRecords(
				'taxonomy',
				'shareworthy_campaign',
				{ per_page: 100, context: 'view' }
			),
		[]
	);
	const checker = useMemo(
		() => createPolicyChecker( settings.policy, settings.locale ),
		[ settings ]
	);
	const startsAt = meta?.shareworthy_starts_at ?? '';
	const expiresAt = meta?.shareworthy_expires_at ?? '';
	const hashtags = meta?.shareworthy_hashtags;
	const disclosure = settings.policy?.requiredDisclosure?.[ 0 ] ?? '';
	const compose = useCallback(
		( text ) => startingMessage( text, hashtags ?? [], disclosure ),
		[ hashtags, disclosure ]
	);
	const check = useCallback(
		( text, network ) =>
			checker.check( text, network, {
				startsAt: startsAt || null,
				expiresAt: expiresAt || null,
			} ),
		[ checker, startsAt, expiresAt ]
	);

	if ( ! meta || ! ( 'shareworthy_shareable' in meta ) ) {
		return null;
	}
	const update = ( key, value ) => setMeta( { ...meta, [ key ]: value } );
	const messages = meta.shareworthy_messages ?? {};
	const status = meta.shareworthy_status || 'draft';
	const statusLabel =
		statusOptions().find( ( option ) => option.value === status )?.label ??
		status;

	return (
		<PluginDocumentSettingPanel
			name="shareworthy-sharing"
			title={ __( 'Sharing', 'shareworthy' ) }
			className="shareworthy-panel"
		>
			<ShareSummary />
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __( 'Shareable', 'shareworthy' ) }
				help={ __(
					'Employees can share this article on social networks with their tracked link.',
					'shareworthy'
				) }
				checked={ Boolean( meta.shareworthy_shareable ) }
				onChange={ ( value ) =>
					update( 'shareworthy_shareable', value )
				}
			/>
			{ meta.shareworthy_shareable && (
				<>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						type="url"
						label={ __( 'Public URL to share', 'shareworthy' ) }
						help={ __(
							'Leave empty to share the article’s own address.',
							'shareworthy'
						) }
						placeholder={ permalink ?? '' }
						value={ meta.shareworthy_public_url ?? '' }
						onChange={ ( value ) =>
							update( 'shareworthy_public_url', value.trim() )
						}
					/>
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Kind', 'shareworthy' ) }
						value={ meta.shareworthy_kind ?? '' }
						options={ [
							{
								value: '',
								label: __( 'From the category', 'shareworthy' ),
							},
							...( settings.kinds ?? [] ).map( ( kind ) => ( {
								value: kind,
								label: kindLabel( kind ),
							} ) ),
						] }
						onChange={ ( value ) =>
							update( 'shareworthy_kind', value )
						}
					/>
					<MessageField
						network="default"
						label={ __( 'Default', 'shareworthy' ) }
						help={ __(
							'Used for every network that has no message of its own.',
							'shareworthy'
						) }
						value={ messages.default ?? '' }
						compose={ compose }
						check={ check }
						onChange={ ( value ) =>
							update( 'shareworthy_messages', {
								...messages,
								default: value,
							} )
						}
					/>
					{ Object.entries( settings.networks ).map(
						( [ network, label ] ) => (
							<MessageField
								key={ network }
								network={ network }
								label={ label }
								value={ messages[ network ] ?? '' }
								help={ __(
									'Empty: the default message.',
									'shareworthy'
								) }
								compose={ compose }
								check={ check }
								onChange={ ( value ) =>
									update( 'shareworthy_messages', {
										...messages,
										[ network ]: value,
									} )
								}
							/>
						)
					) }
					<FormTokenField
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Hashtags', 'shareworthy' ) }
						value={ meta.shareworthy_hashtags ?? [] }
						onChange={ ( tags ) =>
							update(
								'shareworthy_hashtags',
								tags.map( ( tag ) =>
									String( tag ).replace( /^#/, '' )
								)
							)
						}
					/>
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Campaign', 'shareworthy' ) }
						value={ String( campaignIds?.[ 0 ] ?? '' ) }
						options={ [
							{
								value: '',
								label: __( 'No campaign', 'shareworthy' ),
							},
							...( campaigns ?? [] ).map( ( term ) => ( {
								value: String( term.id ),
								label: term.name,
							} ) ),
						] }
						onChange={ ( value ) =>
							setCampaignIds( value ? [ Number( value ) ] : [] )
						}
					/>
					<FormTokenField
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Topics', 'shareworthy' ) }
						value={ meta.shareworthy_topics ?? [] }
						onChange={ ( topics ) =>
							update( 'shareworthy_topics', topics )
						}
					/>
					<FormTokenField
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __(
							'Audience (employee groups; empty: everyone)',
							'shareworthy'
						) }
						value={ meta.shareworthy_audience ?? [] }
						onChange={ ( groups ) =>
							update( 'shareworthy_audience', groups )
						}
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						type="datetime-local"
						label={ __( 'Sharing starts', 'shareworthy' ) }
						help={ __(
							'Empty: as soon as it is approved.',
							'shareworthy'
						) }
						value={ toLocalInput( startsAt ) }
						onChange={ ( value ) =>
							update(
								'shareworthy_starts_at',
								fromLocalInput( value )
							)
						}
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						type="datetime-local"
						label={ __( 'Sharing ends', 'shareworthy' ) }
						help={ __( 'Empty: no end.', 'shareworthy' ) }
						value={ toLocalInput( expiresAt ) }
						onChange={ ( value ) =>
							update(
								'shareworthy_expires_at',
								fromLocalInput( value )
							)
						}
					/>
					<RangeControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Priority in the feed', 'shareworthy' ) }
						value={ meta.shareworthy_priority ?? 0 }
						min={ 0 }
						max={ 100 }
						onChange={ ( value ) =>
							update( 'shareworthy_priority', value ?? 0 )
						}
					/>
					{ settings.canPublish ? (
						<SelectControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'Approval', 'shareworthy' ) }
							value={ status }
							options={ statusOptions() }
							onChange={ ( value ) =>
								update( 'shareworthy_status', value )
							}
						/>
					) : (
						<div className="shareworthy-panel__approval">
							<p>
								{ __( 'Approval:', 'shareworthy' ) }{ ' ' }
								<strong>{ statusLabel }</strong>
							</p>
							{ ( status === 'draft' ||
								status === 'archived' ) && (
								<Button
									variant="secondary"
									onClick={ () =>
										update(
											'shareworthy_status',
											'pending'
										)
									}
								>
									{ __(
										'Submit for approval',
										'shareworthy'
									) }
								</Button>
							) }
						</div>
					) }
				</>
			) }
		</PluginDocumentSettingPanel>
	);
}

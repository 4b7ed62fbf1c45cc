import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneButton, PropertyPaneLabel, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import * as strings from 'ShareWebPartStrings';
import { ShareApp, type ShareData } from '../../components/ShareApp';
import type { ShareActions } from '../../components/Share';
import { errorMessage } from '../../components/messages';
import { createServices, type Services } from '../../services/createServices';
import { initSP } from '../../services/pnpjsConfig';
import { localeOf, newShareId, openWindow } from '../webPartHelpers';

/** Property pane values of the Share web part. */
export interface IShareWebPartProps {
  /** List item id in "Shareworthy Items". */
  itemId: string;
}

/** Thin: property pane, and one root component rendered with services. */
export default class ShareWebPart extends BaseClientSideWebPart<IShareWebPartProps> {
  private services: Promise<Services> | undefined;
  private setupStatus = '';

  public render(): void {
    const services = this.getServices();
    const itemId = Number.parseInt(this.properties.itemId ?? '', 10);
    const load = async (): Promise<ShareData> => {
      const { items, settings } = await services;
      return { item: Number.isInteger(itemId) && itemId > 0 ? await items.byId(itemId) : undefined, settings };
    };
    const actions: ShareActions = {
      hasAccepted: async (version) => (await services).settingsService.hasAccepted(version),
      accept: async (version) => (await services).settingsService.accept(version),
      link: async (request) => (await services).tracker.link(request),
      record: async (share) => (await services).shares.record(share),
      open: openWindow,
      newShareId,
      raiseConcern: async (item, message) => (await services).concerns.raise(item, message),
    };
    ReactDom.render(React.createElement(ShareApp, { load, actions, locale: localeOf(this.context.pageContext.cultureInfo.currentUICultureName) }), this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected get disableReactivePropertyChanges(): boolean {
    return true;
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.BasicGroupName,
              groupFields: [
                PropertyPaneTextField('itemId', { label: strings.ItemIdFieldLabel }),
                PropertyPaneButton('setup', { text: strings.SetUpButton, onClick: () => this.setUp() }),
                PropertyPaneLabel('setupStatus', { text: this.setupStatus }),
              ],
            },
          ],
        },
      ],
    };
  }

  private getServices(): Promise<Services> {
    if (this.services === undefined) this.services = createServices(initSP(this.context));
    return this.services;
  }

  private setUp(): string {
    // Loaded on click: only site owners set up, once; readers never download the provisioner.
    import(/* webpackChunkName: 'shareworthy-setup' */ '../../services/ListProvisioner')
      .then(({ ListProvisioner }) => new ListProvisioner(initSP(this.context)).ensure())
      .then(
        () => { this.setupStatus = strings.SetUpDone; },
        (error: Error) => { this.setupStatus = errorMessage(error, strings); },
      )
      .finally(() => { this.services = undefined; this.context.propertyPane.refresh(); });
    return '';
  }
}

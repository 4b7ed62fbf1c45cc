import * as React from 'react';
import * as ReactDom from 'react-dom';
import { DisplayMode, Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneButton, PropertyPaneLabel, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import * as strings from 'ShareWebPartStrings';
import { ShareApp, type EditorCallbacks, type ShareData } from '../../components/ShareApp';
import type { ShareActions } from '../../components/Share';
import { errorMessage } from '../../components/messages';
import { ServiceError } from '../../services/errors';
import { createServices, type Services } from '../../services/createServices';
import { initSP } from '../../services/pnpjsConfig';
import { localeOf, newShareId, openWindow } from '../webPartHelpers';

/** Property pane values of the Share web part. */
export interface IShareWebPartProps {
  /** List item id in "Shareworthy Items". */
  itemId: string;
}

/** The page the web part is on, when it is a page of a library (not a Teams tab). */
interface PageLocation {
  readonly serverRelativeUrl: string;
  readonly origin: string;
  /** Absolute URL, WHATWG serialization: what an item's SwPageUrl holds. */
  readonly url: string;
}

/** Thin: property pane, and one root component rendered with services. */
export default class ShareWebPart extends BaseClientSideWebPart<IShareWebPartProps> {
  private services: Promise<Services> | undefined;
  private setupStatus = '';
  private loader: { readonly key: string; readonly load: () => Promise<ShareData> } | undefined;
  /** The current user may make this page shareable (set by the last load). */
  private canMakeShareable = false;
  private editRequest = 0;

  public render(): void {
    const services = this.getServices();
    const actions: ShareActions = {
      hasAccepted: async (version) => (await services).settingsService.hasAccepted(version),
      accept: async (version) => (await services).settingsService.accept(version),
      link: async (request) => (await services).tracker.link(request),
      record: async (share) => (await services).shares.record(share),
      open: openWindow,
      newShareId,
      raiseConcern: async (item, message) => (await services).concerns.raise(item, message),
    };
    ReactDom.render(
      React.createElement(ShareApp, {
        load: this.getLoader(),
        actions,
        locale: localeOf(this.context.pageContext.cultureInfo.currentUICultureName),
        openEditor: (callbacks) => this.openEditor(callbacks),
        onCreated: (id) => {
          // Saved with the page in edit mode; the item's SwPageUrl finds it meanwhile.
          this.properties.itemId = String(id);
          this.render();
        },
        editRequest: this.editRequest,
      }),
      this.domElement,
    );
  }

  /** One loader per item id and display mode, so re-rendering for other reasons does not reload. */
  private getLoader(): () => Promise<ShareData> {
    const key = `${this.properties.itemId ?? ''}|${this.displayMode}`;
    if (this.loader?.key !== key) this.loader = { key, load: () => this.load() };
    return this.loader.load;
  }

  private async load(): Promise<ShareData> {
    const data = await this.loadData();
    // The property pane's button follows what the last load found (gone once the page has an item).
    const can = data.editor !== undefined;
    if (can !== this.canMakeShareable) {
      this.canMakeShareable = can;
      this.context.propertyPane.refresh();
    }
    return data;
  }

  private async loadData(): Promise<ShareData> {
    const { items, settings } = await this.getServices();
    const itemId = Number.parseInt(this.properties.itemId ?? '', 10);
    if (Number.isInteger(itemId) && itemId > 0) return { item: await items.byId(itemId), settings };
    const page = this.page();
    if (page === undefined) return { item: undefined, settings };
    const item = await items.byPage(page.url);
    // Readers and view mode stop here: only an editor at work is offered to make the page shareable.
    if (item !== undefined || this.displayMode !== DisplayMode.Edit) return { item, settings };
    const access = await items.editorAccess();
    return { item: undefined, settings, ...(access.canAdd ? { editor: { moderated: access.moderated } } : {}) };
  }

  private page(): PageLocation | undefined {
    const { pageContext } = this.context;
    // Only a page stored in a library has an item describing it; a Teams tab or app has none.
    if (pageContext.listItem === undefined) return undefined;
    const origin = new URL(pageContext.web.absoluteUrl).origin;
    const serverRelativeUrl = pageContext.site.serverRequestPath;
    return { serverRelativeUrl, origin, url: new URL(serverRelativeUrl, origin).href };
  }

  private async openEditor(callbacks: EditorCallbacks): Promise<React.ReactElement> {
    const page = this.page();
    if (page === undefined) throw new ServiceError('not-found', 'This web part is not on a page.');
    // Loaded on click: the form and @pnp/sp/files are for editors, once per page.
    const [{ PageItemService }, { MakeShareable }] = await Promise.all([
      import(/* webpackChunkName: 'shareworthy-editor' */ '../../services/PageItemService'),
      import(/* webpackChunkName: 'shareworthy-editor' */ '../../components/MakeShareable'),
    ]);
    const service = new PageItemService(initSP(this.context));
    const metadata = await service.readPage(page.serverRelativeUrl, page.origin);
    return React.createElement(MakeShareable, { page: metadata, ...callbacks, create: (item) => service.create(item) });
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
                ...(this.canMakeShareable
                  ? [PropertyPaneButton('makeShareable', { text: strings.MakeShareable, onClick: () => this.requestEditor() })]
                  : []),
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

  private requestEditor(): string {
    this.editRequest += 1;
    this.render();
    return '';
  }

  private setUp(): string {
    // Loaded on click: only site owners set up, once; readers never download the provisioner.
    import(/* webpackChunkName: 'shareworthy-setup' */ '../../services/ListProvisioner')
      .then(({ ListProvisioner }) => new ListProvisioner(initSP(this.context)).ensure())
      .then(
        () => { this.setupStatus = strings.SetUpDone; },
        (error: Error) => { this.setupStatus = errorMessage(error, strings); },
      )
      .finally(() => { this.services = undefined; this.loader = undefined; this.context.propertyPane.refresh(); this.render(); });
    return '';
  }
}

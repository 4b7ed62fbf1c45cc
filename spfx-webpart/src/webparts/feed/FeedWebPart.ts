import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import * as strings from 'FeedWebPartStrings';
import { Feed, type FeedData } from '../../components/Feed';
import type { ShareActions } from '../../components/Share';
import { createServices, type Services } from '../../services/createServices';
import { currentUserGroups } from '../../services/currentUser';
import { toServiceError } from '../../services/errors';
import { initSP } from '../../services/pnpjsConfig';
import { localeOf, newShareId, openWindow } from '../webPartHelpers';

/** Property pane values of the Feed web part. */
export interface IFeedWebPartProps {
  /** Topics every reader of this page is assumed to follow (e.g. a department site's). */
  topics: string;
}

/** Thin: property pane, and one root component rendered with services. */
export default class FeedWebPart extends BaseClientSideWebPart<IFeedWebPartProps> {
  private services: Promise<Services> | undefined;

  public render(): void {
    const sp = initSP(this.context);
    if (this.services === undefined) this.services = createServices(sp);
    const services = this.services;
    const load = async (): Promise<FeedData> => {
      const { items, shares, settings } = await services;
      const [page, mine, groups] = await Promise.all([
        items.approved(),
        shares.mine(),
        currentUserGroups(sp).catch((error: unknown) => { throw toServiceError(error, 'reading your groups'); }),
      ]);
      return { items: page.items, sharedItemIds: mine.map((share) => share.itemId), groups, settings };
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
    const user = this.context.pageContext.legacyPageContext as { userId?: number } | undefined;
    const employee = {
      id: String(user?.userId ?? this.context.pageContext.user.loginName),
      topics: (this.properties.topics ?? '').split(',').map((topic) => topic.trim()).filter((topic) => topic !== ''),
    };
    ReactDom.render(React.createElement(Feed, { load, employee, actions, locale: localeOf(this.context.pageContext.cultureInfo.currentUICultureName) }), this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [{ groupName: strings.BasicGroupName, groupFields: [PropertyPaneTextField('topics', { label: strings.TopicsFieldLabel })] }],
        },
      ],
    };
  }
}

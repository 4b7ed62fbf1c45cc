import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneSlider } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import * as strings from 'ReportWebPartStrings';
import { Report } from '../../components/Report';
import { ReportService, type ReportQuery, type ReportView } from '../../services/ReportService';
import { createServices } from '../../services/createServices';
import { initSP } from '../../services/pnpjsConfig';
import { localeOf } from '../webPartHelpers';

/** Property pane values of the Report web part. */
export interface IReportWebPartProps {
  /** Length of the default period, ending today. */
  days: number;
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

function download(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Thin: property pane, and one root component rendered with services. */
export default class ReportWebPart extends BaseClientSideWebPart<IReportWebPartProps> {
  private reports: Promise<ReportService> | undefined;

  public render(): void {
    if (this.reports === undefined) {
      const sp = initSP(this.context);
      this.reports = createServices(sp).then(({ shares, tracker, settings }) => new ReportService(sp, shares, tracker, settings));
    }
    const reports = this.reports;
    const service = {
      canView: async (): Promise<boolean> => (await reports).canView(),
      load: async (query: ReportQuery): Promise<ReportView> => (await reports).load(query),
    };
    const today = new Date();
    const from = new Date(today.getTime() - ((this.properties.days ?? 30) - 1) * 86_400_000);
    ReactDom.render(
      React.createElement(Report, {
        service,
        initial: { from: isoDay(from), to: isoDay(today), by: 'item' },
        locale: localeOf(this.context.pageContext.cultureInfo.currentUICultureName),
        download,
      }),
      this.domElement,
    );
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
          groups: [{ groupName: strings.BasicGroupName, groupFields: [PropertyPaneSlider('days', { label: strings.DaysFieldLabel, min: 7, max: 365, step: 1 })] }],
        },
      ],
    };
  }
}

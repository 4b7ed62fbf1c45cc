declare interface IReportWebPartStrings {
  PropertyPaneDescription: string;
  BasicGroupName: string;
  DaysFieldLabel: string;
  Title: string;
  Loading: string;
  From: string;
  To: string;
  GroupBy: string;
  By_item: string;
  By_campaign: string;
  By_network: string;
  By_day: string;
  By_employee: string;
  ExportCsv: string;
  Shares: string;
  Clicks: string;
  UniqueClicks: string;
  Ctr: string;
  Participation: string;
  Reach: string;
  Emv: string;
  Unknown: string;
  SharesOnly: string;
  NoData: string;
  ChartLabel: string;
  TableCaption: string;
  ErrorForbidden: string;
  ErrorNotSetUp: string;
  ErrorThrottled: string;
  ErrorGeneric: string;
}

declare module 'ReportWebPartStrings' {
  const strings: IReportWebPartStrings;
  export = strings;
}

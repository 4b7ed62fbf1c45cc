declare interface IFeedWebPartStrings {
  PropertyPaneDescription: string;
  BasicGroupName: string;
  TopicsFieldLabel: string;
  Title: string;
  Loading: string;
  TopicFilter: string;
  CampaignFilter: string;
  AllTopics: string;
  AllCampaigns: string;
  Empty: string;
  NoMatch: string;
  AlreadyShared: string;
  Share: string;
  ShareAgain: string;
  Close: string;
  ErrorForbidden: string;
  ErrorNotSetUp: string;
  ErrorThrottled: string;
  ErrorGeneric: string;
}

declare module 'FeedWebPartStrings' {
  const strings: IFeedWebPartStrings;
  export = strings;
}

declare interface IShareWebPartStrings {
  PropertyPaneDescription: string;
  BasicGroupName: string;
  ItemIdFieldLabel: string;
  SetUpButton: string;
  SetUpDone: string;
  NoItem: string;
  Loading: string;
  ComposerLabel: string;
  NetworkLabel: string;
  MessageLabel: string;
  Count: string;
  CountNoLimit: string;
  Disclosure: string;
  ShareOn: string;
  PolicyTitle: string;
  PolicyAgree: string;
  PolicyAccept: string;
  PolicyInvalid: string;
  Opened: string;
  Blocked: string;
  OpenNetwork: string;
  ConcernSummary: string;
  ConcernLabel: string;
  ConcernSend: string;
  ConcernSent: string;
  MakeShareable: string;
  MakeShareableIntro: string;
  PublicUrlLabel: string;
  PageUrlLabel: string;
  TitleLabel: string;
  SummaryLabel: string;
  ImageUrlLabel: string;
  MessageNetworkLabel: string;
  AllNetworks: string;
  HashtagsLabel: string;
  CampaignLabel: string;
  StartsAtLabel: string;
  ExpiresAtLabel: string;
  EditorModerated: string;
  EditorApproved: string;
  EditorOverLimit: string;
  EditorIssues: string;
  EditorCreate: string;
  EditorCancel: string;
  EditorCreated: string;
  EditorCreatedPending: string;
  ItemNotApproved: string;
  ItemNotLive: string;
  ErrorForbidden: string;
  ErrorNotSetUp: string;
  ErrorThrottled: string;
  ErrorGeneric: string;
}

declare module 'ShareWebPartStrings' {
  const strings: IShareWebPartStrings;
  export = strings;
}

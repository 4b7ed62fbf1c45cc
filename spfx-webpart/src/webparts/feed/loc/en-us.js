define([], function() {
  return {
    "PropertyPaneDescription": "The items employees can share, ranked for each of them.",
    "BasicGroupName": "Feed",
    "TopicsFieldLabel": "Topics to favour (comma-separated)",
    "Title": "Share our news",
    "Loading": "Loading…",
    "TopicFilter": "Topic",
    "CampaignFilter": "Campaign",
    "AllTopics": "All topics",
    "AllCampaigns": "All campaigns",
    "Empty": "Nothing to share yet. Approved items appear here.",
    "NoMatch": "No item matches these filters.",
    "AlreadyShared": "You shared this",
    "Share": "Share",
    "ShareAgain": "Share again",
    "Close": "Close",
    "ErrorForbidden": "You do not have access to Shareworthy on this site. Ask the site owner for access.",
    "ErrorNotSetUp": "Shareworthy is not set up on this site yet. A site owner can set it up from the Share web part settings.",
    "ErrorThrottled": "SharePoint is busy right now. Please try again in a minute.",
    "ErrorGeneric": "Something went wrong."
  }
});

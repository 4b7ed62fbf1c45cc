define([], function() {
  return {
    "PropertyPaneDescription": "Share an item of the Shareworthy Items list.",
    "BasicGroupName": "Item",
    "ItemIdFieldLabel": "Item ID (Shareworthy Items list)",
    "SetUpButton": "Set up Shareworthy (create lists)",
    "SetUpDone": "Shareworthy lists are ready.",
    "NoItem": "Choose the item to share in the web part settings.",
    "Loading": "Loading…",
    "ComposerLabel": "Share “{title}”",
    "NetworkLabel": "Network",
    "MessageLabel": "Your message",
    "Count": "{length} / {max} characters on {network}",
    "CountNoLimit": "{length} characters",
    "Disclosure": "Shared as an employee: say so in your post. Your share is recorded with your name; clicks on your link are counted without identifying visitors.",
    "ShareOn": "Share on {network}",
    "PolicyTitle": "Social media policy",
    "PolicyAgree": "I have read and accept the social media policy.",
    "PolicyAccept": "Accept and share",
    "Opened": "The share page opened in a new window.",
    "Blocked": "Your browser blocked the new window.",
    "OpenNetwork": "Open {network}",
    "ErrorForbidden": "You do not have access to Shareworthy on this site. Ask the site owner for access.",
    "ErrorNotSetUp": "Shareworthy is not set up on this site yet. A site owner can set it up from the web part settings.",
    "ErrorThrottled": "SharePoint is busy right now. Please try again in a minute.",
    "ErrorGeneric": "Something went wrong."
  }
});

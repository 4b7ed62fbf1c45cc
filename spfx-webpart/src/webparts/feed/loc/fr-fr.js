define([], function() {
  return {
    "PropertyPaneDescription": "Les éléments à partager, classés pour chaque collaborateur.",
    "BasicGroupName": "Fil",
    "TopicsFieldLabel": "Sujets à privilégier (séparés par des virgules)",
    "Title": "Partagez nos actualités",
    "Loading": "Chargement…",
    "TopicFilter": "Sujet",
    "CampaignFilter": "Campagne",
    "AllTopics": "Tous les sujets",
    "AllCampaigns": "Toutes les campagnes",
    "Empty": "Rien à partager pour l’instant. Les éléments approuvés apparaissent ici.",
    "NoMatch": "Aucun élément ne correspond à ces filtres.",
    "AlreadyShared": "Vous l’avez partagé",
    "Share": "Partager",
    "ShareAgain": "Partager à nouveau",
    "Close": "Fermer",
    "ErrorForbidden": "Vous n’avez pas accès à Shareworthy sur ce site. Demandez l’accès au propriétaire du site.",
    "ErrorNotSetUp": "Shareworthy n’est pas encore installé sur ce site. Un propriétaire du site peut l’installer depuis les paramètres du composant Share.",
    "ErrorThrottled": "SharePoint est surchargé. Réessayez dans une minute.",
    "ErrorGeneric": "Une erreur est survenue."
  }
});

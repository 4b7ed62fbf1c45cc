define([], function() {
  return {
    "PropertyPaneDescription": "Partager un élément de la liste Shareworthy Items.",
    "BasicGroupName": "Élément",
    "ItemIdFieldLabel": "ID de l’élément (liste Shareworthy Items)",
    "SetUpButton": "Installer Shareworthy (créer les listes)",
    "SetUpDone": "Les listes Shareworthy sont prêtes.",
    "NoItem": "Choisissez l’élément à partager dans les paramètres du composant.",
    "Loading": "Chargement…",
    "ComposerLabel": "Partager « {title} »",
    "NetworkLabel": "Réseau",
    "MessageLabel": "Votre message",
    "Count": "{length} / {max} caractères sur {network}",
    "CountNoLimit": "{length} caractères",
    "Disclosure": "Vous partagez en tant que collaborateur : mentionnez-le dans votre publication. Votre partage est enregistré à votre nom ; les clics sur votre lien sont comptés sans identifier les visiteurs.",
    "ShareOn": "Partager sur {network}",
    "PolicyTitle": "Charte réseaux sociaux",
    "PolicyAgree": "J’ai lu et j’accepte la charte réseaux sociaux.",
    "PolicyAccept": "Accepter et partager",
    "Opened": "La page de partage s’est ouverte dans une nouvelle fenêtre.",
    "Blocked": "Votre navigateur a bloqué la nouvelle fenêtre.",
    "OpenNetwork": "Ouvrir {network}",
    "ErrorForbidden": "Vous n’avez pas accès à Shareworthy sur ce site. Demandez l’accès au propriétaire du site.",
    "ErrorNotSetUp": "Shareworthy n’est pas encore installé sur ce site. Un propriétaire du site peut l’installer depuis les paramètres du composant.",
    "ErrorThrottled": "SharePoint est surchargé. Réessayez dans une minute.",
    "ErrorGeneric": "Une erreur est survenue."
  }
});

#include "assist/policy_patterns.h"

namespace privascore::assist {

const std::vector<PolicyTopic>& policy_topics() {
  static const std::vector<PolicyTopic> k_topics = {
      {"third-country", "server-location", "transfer to third countries"},
      {"eu-only", "server-location", "processing only in the EU/EEA or one member state"},
      {"third-parties", "metadata", "sharing with or disclosure to third parties"},
      {"sale", "metadata", "selling or renting data"},
      {"advertising", "metadata", "advertising and marketing"},
      {"analytics", "metadata", "analytics, tracking and cookies"},
      {"recording", "recording-consent", "recording of meetings"},
      {"recording-consent", "recording-consent", "recording and consent in one sentence"},
      {"consent", "", "consent (helper)"},
      {"controller", "transparency", "Art. 13: controller"},
      {"dpo", "transparency", "Art. 13: data protection officer"},
      {"purposes", "transparency", "Art. 13: purposes"},
      {"legal-basis", "transparency", "Art. 13: legal basis"},
      {"retention", "transparency", "Art. 13: retention period"},
      {"recipients", "transparency", "Art. 13: recipients"},
      {"rights", "transparency", "Art. 13: rights of the data subject"},
      {"complaint", "transparency", "Art. 13: right to lodge a complaint"},
      {"anonymous", "anonymous", "anonymous or pseudonymous use"},
      {"e2e", "e2e", "end-to-end encryption"},
  };
  return k_topics;
}

const std::vector<std::string>& transparency_items() {
  static const std::vector<std::string> k_items = {"controller", "dpo",        "purposes", "legal-basis",
                                                   "retention",  "recipients", "rights",   "complaint"};
  return k_items;
}

// Written for sentences of privacy policies; matched case-insensitively.
// \b is ASCII-only in RE2, so it never stands next to an umlaut.
const std::vector<PolicyPattern>& policy_patterns() {
  static const std::vector<PolicyPattern> k_patterns = {
      // Transfers to third countries (Art. 44-49 GDPR).
      {"third-country", "*", R"(\b(?:art(?:icle|\.)?|§)\s*4[4-9]\b)"},
      {"third-country", "*", R"(\b(?:data privacy framework|privacy shield)\b)"},
      {"third-country", "en", R"(\b(?:united states|usa)\b|\bu\.s\.(?:a\.)?(?: |$))"},
      {"third-country", "en", R"(\bthird[- ]countr(?:y|ies)\b)"},
      {"third-country", "en",
       R"(\boutside (?:of )?(?:the )?(?:eu|european union|eea|european economic area|uk|switzerland)\b)"},
      {"third-country", "en", R"(\b(?:standard contractual clauses|model clauses|sccs)\b)"},
      {"third-country", "en", R"(\badequacy decisions?\b)"},
      {"third-country", "en", R"(\b(?:international|cross-border) (?:data )?transfers?\b)"},
      {"third-country", "en",
       R"(\btransfer(?:s|red|ring)?\b[^.;]{0,80}\b(?:other countries|another country|abroad|any country)\b)"},
      {"third-country", "en",
       R"(\banywhere in the world\b|\bin (?:other|any|various) countries\b|\boutside (?:of )?your (?:country|jurisdiction)\b)"},
      {"third-country", "en", R"(\bcountr(?:y|ies) (?:other than|outside (?:of )?) ?(?:your|the one)\b)"},
      {"third-country", "de", R"(\b(?:usa|vereinigten staaten|vereinigte staaten)\b)"},
      {"third-country", "de", R"(\bdrittl(?:a|ä|ae)nd|\bdrittstaat)"},
      {"third-country", "de", R"(\bstandard(?:vertrags|datenschutz)klauseln\b)"},
      {"third-country", "de", R"(\bangemessenheitsbeschl)"},
      {"third-country", "de",
       R"(\bau(?:ß|ss)erhalb (?:der|des) (?:eu|ewr|europ(?:ä|ae)ischen (?:union|wirtschaftsraum))\b)"},
      {"third-country", "de", R"(\bins ausland\b|\bweltweit\b[^.;]{0,60}(?:verarbeit|gespeichert|speicher))"},
      // Processing only in the EU/EEA or a named member state.
      {"eu-only", "en",
       R"(\b(?:servers?|data cent(?:er|re)s?|hosted|stored|processed|located)\b[^.;]{0,60}\b(?:in|within) (?:the )?(?:eu|european union|eea|european economic area|germany|austria|france|the netherlands|finland|sweden|ireland)\b)"},
      {"eu-only", "en", R"(\b(?:exclusively|only|solely) (?:in|within) (?:the )?(?:eu|european union|eea|germany)\b)"},
      {"eu-only", "de",
       R"(\b(?:server|servern|rechenzentr\w*|gehostet|hosten|gespeichert|verarbeitet|befinden sich)\b[^.;]{0,60}\b(?:in|innerhalb) (?:der |des )?(?:eu|ewr|deutschland|europ(?:ä|ae)ischen union|(?:ö|oe)sterreich)\b)"},
      {"eu-only", "de",
       R"(\b(?:ausschlie(?:ß|ss)lich|nur) (?:in|innerhalb) (?:der |von )?(?:eu|ewr|deutschland|europa)\b)"},
      // Sharing with third parties.
      {"third-parties", "en",
       R"(\b(?:share|shares|shared|sharing|disclose|discloses|disclosed|disclosure|provide|provides|transfer|transfers|transferred|pass|passed|give|gives|given|sell|sold|rent|make available)\b[^.;]{0,100}\bthird[- ]part(?:y|ies)\b)"},
      {"third-parties", "en",
       R"(\bthird[- ]part(?:y|ies)\b[^.;]{0,80}\b(?:access|receive|obtain|collect|process|use)\w*)"},
      {"third-parties", "en",
       R"(\b(?:share|shares|shared|sharing|disclose|discloses|disclosed|provide|transfer)\b[^.;]{0,80}\b(?:service providers?|partners|affiliat\w*|subsidiaries|contractors|agents|vendors|sub-?processors|processors|advertisers|other companies)\b)"},
      {"third-parties", "en", R"(\b(?:do|does|will) not (?:share|disclose|rent|sell|transfer)\b)"},
      {"third-parties", "de",
       R"(\b(?:weitergabe|weitergegeben|weiterzugeben|weitergeben|geben\b[^.;]{0,60}\bweiter|offenleg\w*|offengelegt|(?:ü|Ü|ue)bermittl\w*|(?:ü|Ü|ue)bermitteln|(?:ü|Ü|ue)bermittelt|(?:ü|Ü|ue)berlassen)\b[^.;]{0,100}\bdritt(?:e|en|er|parteien|anbieter\w*)\b)"},
      {"third-parties", "de",
       R"(\ban dritte\b|\bdritte(?:n)?\b[^.;]{0,80}(?:weitergegeben|(?:ü|ue)bermittelt|zugang|zugriff|erhalten))"},
      {"third-parties", "de", R"(\bwerbepartner\w*|\bkooperationspartner\w*)"},
      // Selling or renting data.
      {"sale", "en", R"(\b(?:sell|sells|sold|selling|sale|rent|rents|renting)\b[^.;]{0,60}\b(?:data|information)\b)"},
      {"sale", "en", R"(\b(?:data|information)\b[^.;]{0,40}\b(?:sold|rented)\b)"},
      {"sale", "de",
       R"(\b(?:verkauf\w*|vermiet\w*)\b[^.;]{0,60}\bdaten\b|\bdaten\b[^.;]{0,60}\b(?:verkauf\w*|vermiet\w*))"},
      // Advertising and marketing.
      {"advertising", "en",
       R"(\badvertis\w*|\bads\b|\bmarketing\b|\bretargeting\b|\bremarketing\b|\binterest-based\b|\btargeted\b|\bpersonali[sz]ed (?:ads|advert\w*|offers|content)\b|\bpromotional\b)"},
      {"advertising", "de",
       R"(\bwerb\w*|\bmarketing\b|\bretargeting\b|\binteressenbasiert\w*|\banzeigen\b|\bpersonalisiert\w* (?:werbung|anzeigen|inhalte))"},
      // Analytics, tracking and cookies.
      {"analytics", "en",
       R"(\banalytics?\b|\banaly[sz]e (?:usage|how|the use|traffic)|\bmatomo\b|\bpiwik\b|\btracking\b|\btrack(?:s|ed)?\b|\btrackers?\b|\bweb beacons?\b|\bpixel tags?\b|\bpixels?\b|\bfingerprint\w*|\bcookies?\b|\bdo not track\b|\bstatistic\w*|\busage data\b)"},
      {"analytics", "de",
       R"(\banalyse\w*|\banalytics\b|\bstatisti\w*|\breichweitenmessung\b|\btracking\w*|\btracker\b|\bz(?:ä|ae)hlpixel|\bweb-?beacons?\b|\bcookies?\b|\bmatomo\b|\bnutzungsverhalten\b|\bfingerprint\w*)"},
      // Recording.
      {"recording", "en",
       R"(\brecordings?\b|\brecord(?:s|ed)?\b[^.;]{0,40}\b(?:meetings?|calls?|conferences?|sessions?|video|audio|webinars?|conversations?)\b|\b(?:meetings?|calls?|conferences?|sessions?|webinars?|conversations?)\b[^.;]{0,40}\brecorded\b)"},
      {"recording", "de",
       R"(\baufzeichn\w*|\baufgezeichnet\b|\bmitschnitt\w*|\bmitgeschnitten\b|\baufnahme\w*|\baufgenommen\b)"},
      // Consent (helper for recording-consent).
      {"consent", "en", R"(\bconsent\w*|\bagree(?:s|d|ment)?\b|\bpermission\b|\bopt[- ]in\b)"},
      {"consent", "de",
       R"(\beinwillig\w*|\beingewilligt\b|\bzustimm\w*|\bzugestimmt\b|\beinverst(?:ä|ae)nd|\bfreigabe\b)"},
      // Art. 13 GDPR: controller.
      {"controller", "en",
       R"(\b(?:data )?controllers?\b|\bresponsible (?:party|body|entity)\b|\bresponsible for (?:the )?(?:data )?processing\b)"},
      {"controller", "de",
       R"(\bverantwortliche[rn]?\b|\bverantwortliche stelle\b|\bverantwortlich (?:f(?:ü|ue)r|im sinne|i\.\s?s\.))"},
      // Data protection officer.
      {"dpo", "en", R"(\bdata protection officer\b|\bdpo\b|\bprivacy officer\b)"},
      {"dpo", "de", R"(\bdatenschutzbeauftragte\w*)"},
      // Purposes.
      {"purposes", "en",
       R"(\bpurposes?\b|\bwe (?:use|process|collect) (?:your |the )?(?:personal )?(?:data|information)\b[^.;]{0,40}\b(?:to|for|in order to)\b)"},
      {"purposes", "de",
       R"(\bzweck\w*|\bverarbeitungszweck\w*|\b(?:zur|f(?:ü|ue)r die) (?:bereitstellung|durchf(?:ü|ue)hrung|erbringung|abwicklung)\b)"},
      // Legal basis.
      {"legal-basis", "en",
       R"(\blegal basis\b|\blawful basis\b|\blegal grounds?\b|\blegitimate interests?\b|\b(?:art(?:icle|\.)?)\s*6\b|\bperformance of (?:a|the|our) contract\b|\bcontractual necessity\b)"},
      {"legal-basis", "de",
       R"(\brechtsgrundlage\w*|\bberechtigte[nms]? interesse\w*|\bart\.?\s*6\b|\bvertragserf(?:ü|ue)llung|\berf(?:ü|ue)llung (?:eines|des) vertrag\w*|\bauf grundlage\b)"},
      // Retention.
      {"retention", "en",
       R"(\bretain\w*|\bretention\b|\b(?:stored|kept|keep|store)\b[^.;]{0,40}\b(?:for|until)\b[^.;]{0,30}\b(?:days?|weeks?|months?|years?|as long as|period)\b|\bdelete[ds]?\b[^.;]{0,60}\b(?:after|within|once|when|at the end)\b|\bfor as long as\b|\b\d+ (?:days|weeks|months|years)\b|\bperiod of time\b)"},
      {"retention", "de",
       R"(\bspeicherdauer\b|\bl(?:ö|oe)schfrist\w*|\bl(?:ö|oe)schen wir\b|\bl(?:ö|oe)schung nach\b|\bautomatisch\w* (?:ge)?l(?:ö|oe)sch|\bgel(?:ö|oe)scht\b|\baufbewahr\w*|\bbewahr\w*\b[^.;]{0,60}\bauf\b|\bspeicherfrist\w*|\bgespeichert\b[^.;]{0,60}\b(?:bis|solange|tage|monate|jahre)\b|\b(?:\d+|sieben|zehn|drei|sechs|zw(?:ö|oe)lf|drei(?:ß|ss)ig|vierzehn) (?:tage|tagen|wochen|monate|monaten|jahre|jahren)\b|\bsolange\b[^.;]{0,60}\b(?:besteht|erforderlich|notwendig)\b)"},
      // Recipients.
      {"recipients", "en", R"(\brecipients?\b|\b(?:sub-?)?processors?\b|\bservice providers?\b|\bhosting provider\b)"},
      {"recipients", "de",
       R"(\bempf(?:ä|ae)nger\w*|\b(?:unter)?auftragsverarbeit\w*|\bdienstleister\w*|\bhosting-?anbieter\w*|\bhoster\b|\bhosting-dienstleister\w*)"},
      // Rights of the data subject.
      {"rights", "en",
       R"(\bright (?:to|of) (?:access|rectification|erasure|be forgotten|object|data portability|restrict\w*|withdraw\w*|correct\w*|delet\w*|request)\b|\byour rights\b|\bdata subject rights?\b|\brequest (?:access|deletion|erasure|a copy|correction)\b|\b(?:access|correct|delete|rectify|export|download)\b[^.;]{0,40}\byour (?:personal )?(?:data|information)\b)"},
      {"rights", "de",
       R"(\bbetroffenenrecht\w*|\brecht auf (?:auskunft|berichtigung|l(?:ö|oe)schung|einschr(?:ä|ae)nkung|daten(?:ü|ue)bertragbarkeit|widerspruch)|\bauskunft\w*|\bwiderspruchsrecht\b|\bwidersprechen\b|\bihre rechte\b|\bberichtigung\b|\bart\.?\s*(?:1[5-9]|2[01])\b)"},
      // Right to lodge a complaint.
      {"complaint", "en",
       R"(\bsupervisory authorit\w*|\blodge a complaint\b|\bfile a complaint\b|\bcomplaints?\b|\bdata protection authorit\w*)"},
      {"complaint", "de", R"(\bbeschwer\w*|\baufsichtsbeh(?:ö|oe)rde\w*|\bart\.?\s*77\b|\blandesdatenschutzbeh)"},
      // Anonymous or pseudonymous use.
      {"anonymous", "en",
       R"(\b(?:create|register|open|have|need|requires?|required to create) (?:an? |a user |your )?(?:user )?account\b|\banonym\w*|\bpseudonym\w*|\bwithout (?:an? )?(?:account|registration|registering|signing up|sign-up|login|logging in)\b|\bno (?:account|registration) (?:is )?(?:required|needed|necessary)\b|\b(?:real|legal|full) names?\b|\bnicknames?\b|\bas a guest\b|\bguest access\b)"},
      {"anonymous", "de",
       R"(\banonym\w*|\bpseudonym\w*|\bohne (?:eine |ein )?(?:registrierung|anmeldung|konto|benutzerkonto|account|nutzerkonto)\b|\bklarname\w*|\bals gast\b|\bgastzugang\b|\bregistrierung (?:ist )?(?:nicht )?erforderlich\b|\bkeine registrierung\b)"},
      // End-to-end encryption.
      {"e2e", "en",
       R"(\bend[- ]to[- ]end\b|\be2ee?\b|\bzero[- ]knowledge\b|\bclient[- ]side encrypt\w*|\bcannot (?:decrypt|read|access) (?:the content|your (?:data|messages|content|files))\b)"},
      {"e2e", "de", R"(\bende[- ]zu[- ]ende\b|\be2ee?\b|\bzero[- ]knowledge\b|\bclientseitig\w* verschl)"},
  };
  return k_patterns;
}

const std::vector<PolicyPattern>& negation_patterns() {
  static const std::vector<PolicyPattern> k_negations = {
      {"negation", "en", R"(\b(?:not|never|no|neither|nor|without|n't)\b|n't\b)"},
      {"negation", "de", R"(\b(?:nicht|kein|keine|keinen|keiner|keines|keinem|niemals|nie|ohne)\b)"},
  };
  return k_negations;
}

}  // namespace privascore::assist

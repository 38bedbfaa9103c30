window.config = {
  controller: "controller.opentalk.example.org",
  insecure: false,
  baseUrl: "https://opentalk.example.org",
  helpdeskUrl: "",
  imprintUrl: "https://www.example.org/imprint",
  dataProtectionUrl: "https://www.example.org/privacy",
  provider: {
    active: false,
    accountManagementUrl: "",
  },
  version: {
    product: "v25.1.0",
    frontend: "1.0.0-corpus"
  },
  errorReportAddress: "",
  beta: {
    isBeta: true,
    badgeUrl: ""
  },
  libravatarDefaultImage: "robohash",
  disallowCustomDisplayName: false,
  oidcConfig: {
    authority: "https://accounts.opentalk.example.org/realms/opentalk",
    clientId: "Frontend",
    scope: "openid profile email",
    redirectPath: "/auth/callback",
    signOutRedirectUri: "/dashboard",
    popupRedirectPath: "/auth/popup_callback",
  },
  changePassword: {
    active: false,
    url: "",
  },
  userSurveyUrl: "",
  userSurveyApiKey: "",
  speedTest: {
    ndtServer: "",
    ndtDownloadWorkerJs: "/workers/ndt7-download-worker.js",
    ndtUploadWorkerJs: "/workers/ndt7-upload-worker.js",
  },
  features: {
    userSearch: true,
    muteUsers: true,
    resetHandraises: true,
    addUser: false,
    joinWithoutMedia: false,
    sharedFolder: false,
},
  videoBackgrounds: [],
  maxVideoBandwidth: 600000,
  glitchtip: {
    dsn: "https://abc@glitchtip.example.org/3",
  },
  settings: {
	waitingRoomDefaultValue: 
  }
}

window.config = {
  controller: "",
  insecure: false,
  baseUrl: "",
  helpdeskUrl: "",
  imprintUrl: "",
  dataProtectionUrl: "",
  provider: {
    active: false,
    accountManagementUrl: "",
  },
  version: {
    product: "",
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
    authority: "",
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
    dsn: "",
  },
  settings: {
	waitingRoomDefaultValue: 
  }
}

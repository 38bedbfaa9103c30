window.config = {
  logLevel: "info",
  controller: "controller.opentalk.example.org",
  insecure: false,
  baseUrl: "https://opentalk.example.org",
  helpdeskUrl: "",
  contactSupportUrl: "",
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
    badgeUrl: "",
  },
  livekit: {
    e2eeSalt: "",
    preferredVideoCodec: "",
  },
  libravatarDefaultImage: "robohash",
  disallowCustomDisplayName: false,
  meetingInactivityMediaDisableSeconds: 120,
  meetingInactivityWarningSeconds: 900,
  meetingInactivityTerminationSeconds: 3600,
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
    e2eEncryption: true,
    innovafoneAPI: false,
},
  videoBackgrounds: [
    {
      altText: 'Elevate',
      url: '/assets/videoBackgrounds/elevate-bg.png',
      thumb: '/assets/videoBackgrounds/thumbs/elevate-bg-thumb.png',
    },
    {
      altText: 'Living room',
      url: '/assets/videoBackgrounds/ot1.png',
      thumb: '/assets/videoBackgrounds/thumbs/ot1-thumb.png',
    },
    {
      altText: 'Conference room',
      url: '/assets/videoBackgrounds/ot2.png',
      thumb: '/assets/videoBackgrounds/thumbs/ot2-thumb.png',
    },
    {
      altText: 'Beach at sunset',
      url: '/assets/videoBackgrounds/ot3.png',
      thumb: '/assets/videoBackgrounds/thumbs/ot3-thumb.png',
    },
    {
      altText: 'Boat on shore',
      url: '/assets/videoBackgrounds/ot4.png',
      thumb: '/assets/videoBackgrounds/thumbs/ot4-thumb.png',
    },
    {
      altText: 'Pink living room',
      url: '/assets/videoBackgrounds/ot5.png',
      thumb: '/assets/videoBackgrounds/thumbs/ot5-thumb.png',
    },
    {
      altText: 'Bookshelf',
      url: '/assets/videoBackgrounds/ot6.png',
      thumb: '/assets/videoBackgrounds/thumbs/ot6-thumb.png',
    },
    {
      altText: 'Bookshelves surround an open door',
      url: '/assets/videoBackgrounds/ot7.png',
      thumb: '/assets/videoBackgrounds/thumbs/ot7-thumb.png',
    }
  ],
  maxVideoBandwidth: 600000,
  glitchtip: {
    dsn: "https://abc@glitchtip.example.org/3",
  },
  settings: {
    waitingRoomDefaultValue: false,
    suppressBrowserCompatibilityInfo: false
  },
  spacedeck: {
    enabled: true,
  },
}

/** User agents and device-detail strings for benign devices and attacker tooling. */
export const UA = {
  winEdge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36 Edg/133.0.0.0',
  winChrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36',
  macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Safari/605.1.15',
  macChrome: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36',
  iosSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Mobile/15E148 Safari/604.1',
  androidChrome: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.6943.89 Mobile Safari/537.36',
  winSignIn: 'Windows-AzureAD-Authentication-Provider/1.0',
  teamsDesktop: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0 Teams/25017.203.3370.1174/49',
  officeDesktop: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18429; Pro)',
  oneDrive: 'Microsoft SkyDriveSync 25.015.0119.0002 ship; Windows NT 10.0 (26100)',
  outlookIos: 'Outlook-iOS/2.0',
  outlookAndroid: 'Outlook-Android/2.0',
  azureCli: 'azure-cli/2.69.0 MSAL.Python/1.31.1 Python/3.12.8 (Windows-11-10.0.26100-SP0)',
  // attacker tooling
  bareMozilla: 'Mozilla/5.0',
  bav2ropc: 'BAV2ROPC',
  pythonRequests: 'python-requests/2.32.3',
  axios: 'axios/1.7.9',
  oldChrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36',
  scriptTag: 'Mozilla/5.0 (X11; Linux x86_64) <script>alert(1)</script> Gecko/20100101 Firefox/128.0',
} as const;

export interface DeviceKind {
  os: string;
  browser: string;
  ua: string;
  mobile: boolean;
}

export const DEVICE_KINDS: Readonly<Record<string, DeviceKind>> = {
  winEdge: { os: 'Windows 10', browser: 'Edge 133.0.0', ua: UA.winEdge, mobile: false },
  winChrome: { os: 'Windows 10', browser: 'Chrome 133.0.0', ua: UA.winChrome, mobile: false },
  macSafari: { os: 'MacOs', browser: 'Safari 18.3', ua: UA.macSafari, mobile: false },
  macChrome: { os: 'MacOs', browser: 'Chrome 133.0.0', ua: UA.macChrome, mobile: false },
  ios: { os: 'Ios 18.3', browser: 'Mobile Safari 18.3', ua: UA.iosSafari, mobile: true },
  android: { os: 'Android 14', browser: 'Chrome Mobile 133.0.6943', ua: UA.androidChrome, mobile: true },
};

/** First-party Microsoft application and resource ids (well-known, public). */
export interface AppDef {
  id: string;
  name: string;
}

const a = (id: string, name: string): AppDef => ({ id, name });

export const APPS = {
  windowsSignIn: a('38aa3b87-a06d-4817-b275-7a316988d93b', 'Windows Sign In'),
  officeHome: a('4765445b-32c6-49b0-83e6-1d93765276ca', 'OfficeHome'),
  outlookWeb: a('9199bf20-a13f-4107-85dc-02114787ef48', 'One Outlook Web'),
  teams: a('1fec8e78-bce4-4aaf-ab1b-5451cc387264', 'Microsoft Teams'),
  teamsWeb: a('5e3ce6c0-2b1f-4285-8d4b-75ee78787346', 'Microsoft Teams Web Client'),
  office: a('d3590ed6-52b3-4102-aeff-aad2292ab01c', 'Microsoft Office'),
  outlookMobile: a('27922004-5251-4030-b22d-91ecd9a37ea4', 'Microsoft Outlook'),
  oneDriveSync: a('ab9b8c07-8f02-4f72-87fa-80105867a763', 'OneDrive SyncEngine'),
  edge: a('ecd6b820-32c2-49b6-98a6-444530e5a77a', 'Microsoft Edge'),
  edgeNewTab: a('d7b530a4-7680-4c23-a8bf-c52c121d2e87', 'Microsoft Edge Enterprise New Tab Page'),
  azurePortal: a('c44b4083-3bb0-49c1-b47d-974e53cbdf3c', 'Azure Portal'),
  azureCli: a('04b07795-8ddb-461a-bbee-02f9e1bf7b46', 'Microsoft Azure CLI'),
  aadPowerShell: a('1b730954-1685-4b74-9bfd-dac224a7b894', 'Azure Active Directory PowerShell'),
  authBroker: a('29d9ed98-a469-4536-ade2-f981bc1d605e', 'Microsoft Authentication Broker'),
  sharePoint: a('00000003-0000-0ff1-ce00-000000000000', 'Office 365 SharePoint Online'),
  exchange: a('00000002-0000-0ff1-ce00-000000000000', 'Office 365 Exchange Online'),
  mySignIns: a('19db86c3-b2b9-44cc-b339-36da233a3be2', 'My Signins'),
  companyPortal: a('9ba1a5c7-f17a-4de9-a1f1-6178c8d51223', 'Microsoft Intune Company Portal'),
} as const;

export const RESOURCES = {
  graph: a('00000003-0000-0000-c000-000000000000', 'Microsoft Graph'),
  aadGraph: a('00000002-0000-0000-c000-000000000000', 'Windows Azure Active Directory'),
  arm: a('797f4846-ba00-4fd7-ba43-dac1f8f63013', 'Windows Azure Service Management API'),
  exchange: a('00000002-0000-0ff1-ce00-000000000000', 'Office 365 Exchange Online'),
  sharePoint: a('00000003-0000-0ff1-ce00-000000000000', 'Office 365 SharePoint Online'),
  teamsServices: a('cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', 'Microsoft Teams Services'),
  deviceRegistration: a('01cb2876-7ebd-4aa4-9cc9-d28bd4d359a9', 'Device Registration Service'),
  newsFeed: a('f920ab6b-8a48-4438-9255-1650179a3a0f', 'Microsoft News Feed'),
  keyVault: a('cfa8b339-82a2-471a-a3c9-0fc0be7a4093', 'Azure Key Vault'),
  storage: a('e406a681-f3d4-42a8-90b6-c2b029497af1', 'Azure Storage'),
  intune: a('0000000a-0000-0000-c000-000000000000', 'Microsoft Intune'),
} as const;

/** Legacy-auth client names as they appear in clientAppUsed. */
export const LEGACY_CLIENTS = ['IMAP4', 'POP3', 'Authenticated SMTP', 'Exchange ActiveSync', 'Other clients', 'MAPI Over HTTP', 'Exchange Web Services'] as const;

export function isLegacyClient(clientAppUsed: string): boolean {
  return (LEGACY_CLIENTS as readonly string[]).includes(clientAppUsed);
}

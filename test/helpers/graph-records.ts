// Small hand-written sign-in records in the shapes real exports use, for focused importer tests.
let counter = 0;

export function graphSignin(over: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  const n = String(counter).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${n}`,
    createdDateTime: '2025-03-04T02:10:00Z',
    userDisplayName: 'Alex Wilber',
    userPrincipalName: 'alexw@northwind.example',
    userId: '11111111-1111-4111-8111-111111111111',
    appId: '00000002-0000-0ff1-ce00-000000000000',
    appDisplayName: 'Office 365 Exchange Online',
    ipAddress: '203.0.113.10',
    clientAppUsed: 'Browser',
    correlationId: `c0000000-0000-4000-8000-${n}`,
    conditionalAccessStatus: 'success',
    isInteractive: true,
    status: { errorCode: 0, failureReason: 'Other.', additionalDetails: null },
    location: { city: 'Seattle', state: 'Washington', countryOrRegion: 'US', geoCoordinates: { latitude: 47.6, longitude: -122.3 } },
    deviceDetail: { deviceId: '', displayName: '', operatingSystem: 'Windows 10', browser: 'Edge 120', isCompliant: false, isManaged: false, trustType: '' },
    ...over,
  };
}

export function diagnosticLine(signin: Record<string, unknown>, category = 'SignInLogs'): string {
  return JSON.stringify({
    time: '2025-03-04T02:12:00.0000000Z',
    resourceId: '/tenants/aaaa/providers/Microsoft.aadiam',
    operationName: 'Sign-in activity',
    category,
    resultType: String((signin.status as { errorCode: number }).errorCode),
    callerIpAddress: signin.ipAddress,
    correlationId: signin.correlationId,
    identity: signin.userDisplayName,
    Level: 4,
    location: 'US',
    properties: signin,
  });
}

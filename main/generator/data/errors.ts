/** Entra sign-in error codes used by the generator, with their portal failure reasons. */
export const ERRORS: Readonly<Record<number, string>> = {
  0: 'Other.',
  50034: 'The user account does not exist in the northwind.example directory. To sign into this application, the account must be added to the directory.',
  50053: "The account is locked, you've tried to sign in too many times with an incorrect user ID or password.",
  50058: 'Session information is not sufficient for single-sign-on.',
  50074: 'Strong Authentication is required.',
  50126: 'Error validating credentials due to invalid username or password.',
  50140: "This error occurred due to 'Keep me signed in' interrupt when the user was signing-in.",
  50173: 'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.',
  53003: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  70043: 'The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.',
  500121: 'Authentication failed during strong authentication request.',
  7000215: 'Invalid client secret is provided.',
};

export const ADDITIONAL_DETAILS: Readonly<Record<number, string>> = {
  50053: 'The account is locked. Smart Lockout blocked the sign-in after too many failed attempts from an unfamiliar location.',
  50074: 'The user is required to satisfy multi-factor authentication.',
  50126: "The user didn't enter the right credentials. It's expected to see some number of these errors in your logs due to users making mistakes.",
  53003: 'The sign-in was blocked because it did not satisfy the Conditional Access policies applied to it.',
};

/** Codes the portal shows as "Interrupted" rather than "Failure". */
const INTERRUPTS = new Set([50074, 50140, 50058, 50076, 50072, 50097, 50199]);

export function portalStatus(code: number): 'Success' | 'Failure' | 'Interrupted' {
  if (code === 0) return 'Success';
  return INTERRUPTS.has(code) ? 'Interrupted' : 'Failure';
}

export function failureReason(code: number, appId?: string): string {
  if (code === 700016) {
    return `Application with identifier '${appId ?? ''}' was not found in the directory 'Northwind Traders'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`;
  }
  return ERRORS[code] ?? 'Other.';
}

/** Builders for authenticationDetails steps, with the exact result strings Entra writes. */
import type { AuthStep } from './spec';

const PRIMARY = 'Primary authentication' as const;
const MFA = 'Multi-factor authentication' as const;

export const MFA_DECLINED = 'MFA denied; user declined the authentication';
export const MFA_NO_RESPONSE = 'MFA denied; user did not respond to mobile app notification';
export const MFA_OK = 'MFA successfully completed';
export const MFA_BY_CLAIM = 'MFA requirement satisfied by claim in the token';

export const steps = {
  passwordOk: (offsetMs = -9000): AuthStep => ({
    method: 'Password',
    detail: 'Password in the cloud',
    succeeded: true,
    result: 'Correct password',
    requirement: PRIMARY,
    offsetMs,
  }),
  passwordBad: (offsetMs = 0): AuthStep => ({
    method: 'Password',
    detail: 'Password in the cloud',
    succeeded: false,
    result: 'Invalid username or password or Invalid on-premise username or password.',
    requirement: PRIMARY,
    offsetMs,
  }),
  locked: (offsetMs = 0): AuthStep => ({
    method: 'Password',
    detail: 'Password in the cloud',
    succeeded: false,
    result: 'Account is locked',
    requirement: PRIMARY,
    offsetMs,
  }),
  mfa: (method: string, result: string, offsetMs = 0): AuthStep => ({
    method,
    detail: method === 'Text message' ? '+X XXXXXXXX47' : null,
    succeeded: result === MFA_OK,
    result,
    requirement: MFA,
    offsetMs,
  }),
  firstByClaim: (offsetMs = 0): AuthStep => ({
    method: 'Previously satisfied',
    detail: null,
    succeeded: true,
    result: 'First factor requirement satisfied by claim in the token',
    requirement: PRIMARY,
    offsetMs,
  }),
  mfaByClaim: (offsetMs = 0): AuthStep => ({
    method: 'Previously satisfied',
    detail: null,
    succeeded: true,
    result: MFA_BY_CLAIM,
    requirement: MFA,
    offsetMs,
  }),
};

export function mfaDone(list: readonly AuthStep[]): boolean {
  return list.some((s) => s.requirement === MFA && s.succeeded);
}

export function primaryFailed(list: readonly AuthStep[]): boolean {
  return list.some((s) => s.requirement === PRIMARY && !s.succeeded);
}

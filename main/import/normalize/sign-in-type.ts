// The four sign-in types. Containers say it explicitly (diagnostic category, Log Analytics table,
// portal file name); a bare Graph record says it through beta `signInEventTypes` or v1.0 `isInteractive`.
import { SIGN_IN_TYPES, type SignInType } from '../../../shared/model/columns';
import { arr, obj, str } from './values';

const BY_CATEGORY: Record<string, SignInType> = {
  signinlogs: 'interactiveUser',
  signin: 'interactiveUser', // the 2018 preview's category (interactive sign-ins were the only kind logged)
  noninteractiveusersigninlogs: 'nonInteractiveUser',
  serviceprincipalsigninlogs: 'servicePrincipal',
  microsoftserviceprincipalsigninlogs: 'servicePrincipal',
  managedidentitysigninlogs: 'managedIdentity',
  aadnoninteractiveusersigninlogs: 'nonInteractiveUser',
  aadserviceprincipalsigninlogs: 'servicePrincipal',
  aadmanagedidentitysigninlogs: 'managedIdentity',
};

const CATEGORY_NAMES: Record<string, string> = {
  signinlogs: 'SignInLogs',
  signin: 'SignInLogs',
  noninteractiveusersigninlogs: 'NonInteractiveUserSignInLogs',
  serviceprincipalsigninlogs: 'ServicePrincipalSignInLogs',
  microsoftserviceprincipalsigninlogs: 'MicrosoftServicePrincipalSignInLogs',
  managedidentitysigninlogs: 'ManagedIdentitySignInLogs',
  adfssigninlogs: 'ADFSSignInLogs',
  aadnoninteractiveusersigninlogs: 'NonInteractiveUserSignInLogs',
  aadserviceprincipalsigninlogs: 'ServicePrincipalSignInLogs',
  aadmanagedidentitysigninlogs: 'ManagedIdentitySignInLogs',
};

const CATEGORY_OF_TYPE: Record<SignInType, string> = {
  interactiveUser: 'SignInLogs',
  nonInteractiveUser: 'NonInteractiveUserSignInLogs',
  servicePrincipal: 'ServicePrincipalSignInLogs',
  managedIdentity: 'ManagedIdentitySignInLogs',
};

/** The log a record belongs to, in diagnostic-settings naming (LA tables and portal files mapped to it). */
export function logCategoryOf(category: unknown, type: SignInType | null | undefined): string | null {
  const named = typeof category === 'string' ? CATEGORY_NAMES[category.toLowerCase()] : undefined;
  return named ?? (type ? CATEGORY_OF_TYPE[type] : null);
}

/** Whether a diagnostic category or Log Analytics table is a sign-in log (the names above, any case). */
export function isSignInCategory(category: string): boolean {
  return Object.hasOwn(CATEGORY_NAMES, category.toLowerCase());
}

/** Sign-in type named by a diagnostic category or Log Analytics table; ADFS logs name none. */
export function signInTypeOfCategory(category: unknown): SignInType | undefined {
  const key = typeof category === 'string' ? category.toLowerCase() : '';
  return BY_CATEGORY[key];
}

export function signInTypeOfRecord(r: Record<string, unknown>): SignInType | undefined {
  const eventTypes = arr(r.signInEventTypes);
  const first = eventTypes?.find((t): t is SignInType => (SIGN_IN_TYPES as readonly unknown[]).includes(t));
  if (first) return first;
  const msiType = str(obj(r.managedServiceIdentity)?.msiType);
  if (msiType && msiType !== 'none') return 'managedIdentity';
  if (r.isInteractive === true || r.isInteractive === 'true') return 'interactiveUser';
  const isUser = !!str(r.userPrincipalName) || !!str(r.userId);
  if (!isUser && str(r.servicePrincipalId)) return 'servicePrincipal';
  if (r.isInteractive === false || r.isInteractive === 'false') return 'nonInteractiveUser';
  return isUser ? 'interactiveUser' : undefined;
}

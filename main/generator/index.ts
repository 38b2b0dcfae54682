/** Public API of the seeded sign-in log generator. */
export { createScenario, DEFAULT_START } from './scenario';
export type { Scenario, ScenarioOptions, StreamOptions } from './scenario';
export { writeDemoSet } from './demo-set';
export type { DemoFile, DemoManifest, DemoSetOptions } from './demo-set';
export { writeGraphBulk } from './bulk';
export type { BulkOptions, BulkResult } from './bulk';
export { writeFormat, writeScenario } from './write-format';
export type { WriteFormatOptions, WriteResult } from './write-format';
export { createWriter, FORMATS, FORMAT_IDS } from './writers/formats';
export type { FormatId, FormatInfo } from './writers/formats';
export type { RecordWriter, WriterOptions } from './writers/record-writer';
export { USER_HEADERS, APPLICATION_HEADERS, MSI_HEADERS, AUTH_DETAILS_HEADERS } from './writers/portal-csv';
export { TENANT_ID, TENANT_NAME, DOMAIN } from './tenant';
export type { AttackKind, AttackTruth, GroundTruth, UntrustedTextTruth } from './ground-truth';
export type { Category, GeneratedSignIn, SignIn } from './types';

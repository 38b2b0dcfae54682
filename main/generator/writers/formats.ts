/** Every export format the generator can write, and a factory for its writer. */
import { GraphJsonWriter } from './graph-json';
import { JsonArrayWriter } from './json-arrays';
import { PowerShellArraysWriter } from './powershell-json';
import { DiagnosticWriter } from './diagnostic';
import { ElasticNdjsonWriter } from './elastic';
import { LaCsvWriter, LaJsonWriter } from './log-analytics';
import { AuthDetailsCsvWriter, PortalCsvWriter } from './portal-csv';
import type { RecordWriter, WriterOptions } from './record-writer';
import type { Category } from '../types';

export type FormatId =
  | 'graph-beta'
  | 'graph-v1'
  | 'json-array'
  | 'ps-arrays'
  | 'jsonl'
  | 'diag-jsonl'
  | 'diag-eventhub'
  | 'la-json'
  | 'la-csv'
  | 'portal-interactive-csv'
  | 'portal-noninteractive-csv'
  | 'portal-application-csv'
  | 'portal-msi-csv'
  | 'portal-authdetails-csv'
  | 'portal-json'
  | 'elastic-ndjson';

export interface FormatInfo {
  description: string;
  /** Record order real exports of this kind use. */
  order: 'asc' | 'desc';
  /** Sign-in kinds the format can hold (portal downloads are one kind per file). */
  categories: readonly Category[] | null;
  extension: string;
}

const USER_ONLY: readonly Category[] = ['interactiveUser', 'nonInteractiveUser'];

export const FORMATS: Readonly<Record<FormatId, FormatInfo>> = {
  'graph-beta': { description: 'Graph beta auditLogs/signIns pages back to back', order: 'desc', categories: null, extension: '.json' },
  'graph-v1': { description: 'Graph v1.0 auditLogs/signIns pages back to back', order: 'desc', categories: USER_ONLY, extension: '.json' },
  'json-array': { description: 'Bare JSON array of Graph objects, one line', order: 'desc', categories: null, extension: '.json' },
  'ps-arrays': { description: 'Extractor-Suite PowerShell 5.1 arrays back to back, BOM, CRLF', order: 'desc', categories: null, extension: '.json' },
  jsonl: { description: 'JSON Lines of Graph objects (Extractor-Suite SOF-ELK mode)', order: 'asc', categories: null, extension: '.jsonl' },
  'diag-jsonl': { description: 'Diagnostic-settings records, one per line (storage PT1H.json)', order: 'asc', categories: null, extension: '.json' },
  'diag-eventhub': { description: 'Diagnostic-settings Event Hub batches {"records":[...]}', order: 'asc', categories: null, extension: '.json' },
  'la-json': { description: 'Log Analytics rows (PascalCase, dynamic columns as strings)', order: 'asc', categories: null, extension: '.json' },
  'la-csv': { description: 'Log Analytics "Export to CSV"', order: 'asc', categories: null, extension: '.csv' },
  'portal-interactive-csv': { description: 'Entra admin center InteractiveSignIns CSV', order: 'desc', categories: ['interactiveUser'], extension: '.csv' },
  'portal-noninteractive-csv': { description: 'Entra admin center NonInteractiveSignIns CSV', order: 'desc', categories: ['nonInteractiveUser'], extension: '.csv' },
  'portal-application-csv': { description: 'Entra admin center ApplicationSignIns CSV', order: 'desc', categories: ['servicePrincipal'], extension: '.csv' },
  'portal-msi-csv': { description: 'Entra admin center MSISignIns CSV', order: 'desc', categories: ['managedIdentity'], extension: '.csv' },
  'portal-authdetails-csv': { description: 'Entra admin center InteractiveSignIns_AuthDetails CSV', order: 'desc', categories: ['interactiveUser'], extension: '.csv' },
  'portal-json': { description: 'Entra admin center JSON download (pretty array)', order: 'desc', categories: null, extension: '.json' },
  'elastic-ndjson': { description: 'Elastic ECS documents of the azure.signinlogs integration, one per line', order: 'asc', categories: null, extension: '.ndjson' },
};

export const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];

export function createWriter(format: FormatId, path: string, options: WriterOptions = {}): RecordWriter {
  switch (format) {
    case 'graph-beta':
      return new GraphJsonWriter(path, 'beta', options);
    case 'graph-v1':
      return new GraphJsonWriter(path, 'v1.0', options);
    case 'json-array':
      return new JsonArrayWriter(path, 'compact', options);
    case 'portal-json':
      return new JsonArrayWriter(path, 'pretty', options);
    case 'jsonl':
      return new JsonArrayWriter(path, 'lines', options);
    case 'ps-arrays':
      return new PowerShellArraysWriter(path, options);
    case 'diag-jsonl':
      return new DiagnosticWriter(path, 'lines', options);
    case 'diag-eventhub':
      return new DiagnosticWriter(path, 'eventhub', options);
    case 'la-json':
      return new LaJsonWriter(path, options);
    case 'la-csv':
      return new LaCsvWriter(path, options);
    case 'portal-interactive-csv':
    case 'portal-noninteractive-csv':
      return new PortalCsvWriter(path, 'user', options);
    case 'portal-application-csv':
      return new PortalCsvWriter(path, 'application', options);
    case 'portal-msi-csv':
      return new PortalCsvWriter(path, 'msi', options);
    case 'portal-authdetails-csv':
      return new AuthDetailsCsvWriter(path, options);
    case 'elastic-ndjson':
      return new ElasticNdjsonWriter(path, options);
  }
}

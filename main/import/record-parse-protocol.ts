// Messages between the reader (parse worker) and a record-parse worker.
import type { ImportFilter } from '../../shared/model/import-filter';
import type { JsonRecordOutcome } from './json-record-parse';

/** `buffer` holds the records back to back; record i ends at `ends[i]`. */
export type RecordParseRequest = { type: 'parse'; id: number; buffer: ArrayBuffer; ends: Uint32Array; pageContext: string | null; filter: ImportFilter | null };

/** `strings`: the worker's newly numbered strings (string-refs.ts), to add to its table before the outcomes are read. */
export type RecordParseReply = { id: number; outcomes: JsonRecordOutcome[]; strings: string[] } | { id: number; error: string };

// Messages between the database thread and the parse worker.
import type { ParsedBatch } from './batch';
import type { FileToParse, ParsedFile } from './parse-file';
import type { EncoderSeed } from './signin-encoder';

export type ParseRequest = { type: 'seed'; seed: EncoderSeed; recordParsers: number; recordBatch?: number | undefined } | { type: 'parse'; file: FileToParse } | { type: 'ack' } | { type: 'cancel' };

export type ParseWorkerMessage = { type: 'batch'; batch: ParsedBatch } | { type: 'progress'; bytesRead: number; records: number } | { type: 'done'; result: ParsedFile };

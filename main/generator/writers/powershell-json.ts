/**
 * What Microsoft-Extractor-Suite writes in its default JSON mode: each Graph
 * page piped through Windows PowerShell 5.1 `ConvertTo-Json -Depth 100 |
 * Out-File -Append -Encoding UTF8`. Result: several pretty arrays back to back
 * ("[...][...]", not one JSON document), a UTF-8 BOM, CRLF line ends, the
 * 5.1 column-aligned indentation, two spaces after ':', and <>&' escaped.
 */
import { BOM } from './csv';
import { BaseWriter, type WriterOptions } from './record-writer';
import type { GeneratedSignIn } from '../types';

const NL = '\r\n';
const ESCAPES: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', "'": '\\u0027' };

function psString(s: string): string {
  return JSON.stringify(s).replace(/[<>&']/g, (c) => ESCAPES[c]!);
}

/** Serialize like PS 5.1: nested blocks are indented relative to where their value starts. */
export function psJson(value: unknown, column: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return psString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const pad = ' '.repeat(column);
  const inner = ' '.repeat(column + 4);
  if (Array.isArray(value)) {
    if (value.length === 0) return `[${NL}${NL}${pad}]`;
    return `[${NL}${value.map((v) => inner + psJson(v, column + 4)).join(`,${NL}`)}${NL}${pad}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return `{${NL}${NL}${pad}}`;
  const body = entries.map(([k, v]) => {
    const prefix = `${inner}${psString(k)}:  `;
    return prefix + psJson(v, prefix.length);
  });
  return `{${NL}${body.join(`,${NL}`)}${NL}${pad}}`;
}

export class PowerShellArraysWriter extends BaseWriter {
  private readonly pageSize: number;
  private inPage = 0;

  constructor(path: string, options: WriterOptions = {}) {
    super(path, options);
    this.pageSize = options.pageSize ?? 1000;
  }

  protected emit(record: GeneratedSignIn, index: number): Promise<void> | undefined {
    let prefix = `,${NL}`;
    if (index === 0) prefix = `${BOM}[${NL}`;
    else if (this.inPage === this.pageSize) {
      prefix = `${NL}]${NL}[${NL}`;
      this.inPage = 0;
    }
    this.inPage++;
    return this.sink.write(`${prefix}    ${psJson(record.signIn, 4)}`);
  }

  protected override finish(): Promise<void> | undefined {
    return this.sink.write(this.count === 0 ? BOM : `${NL}]${NL}`);
  }
}

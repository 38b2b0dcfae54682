/**
 * Plain JSON shapes of Graph objects: a compact bare array (one line), the
 * admin-center JSON download (pretty array) and JSON Lines (one minified
 * object per line, as Microsoft-Extractor-Suite's SOF-ELK mode writes).
 */
import { BaseWriter, type WriterOptions } from './record-writer';
import type { GeneratedSignIn } from '../types';

export type ArrayStyle = 'compact' | 'pretty' | 'lines';

export class JsonArrayWriter extends BaseWriter {
  constructor(
    path: string,
    private readonly style: ArrayStyle,
    options: WriterOptions = {},
  ) {
    super(path, options);
  }

  protected emit(record: GeneratedSignIn, index: number): Promise<void> | undefined {
    if (this.style === 'lines') return this.sink.write(JSON.stringify(record.signIn) + '\n');
    if (this.style === 'compact') return this.sink.write((index === 0 ? '[' : ',') + JSON.stringify(record.signIn));
    const pretty = JSON.stringify(record.signIn, null, 2).replace(/\n/g, '\n  ');
    return this.sink.write((index === 0 ? '[\n  ' : ',\n  ') + pretty);
  }

  protected override finish(): Promise<void> | undefined {
    if (this.style === 'lines') return undefined;
    if (this.count === 0) return this.sink.write('[]\n');
    return this.sink.write(this.style === 'pretty' ? '\n]\n' : ']\n');
  }
}

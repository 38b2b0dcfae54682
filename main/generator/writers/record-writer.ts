/** The interface every format writer implements, plus a base class that owns the sink. */
import { Sink } from './sink';
import type { GeneratedSignIn } from '../types';

export interface WriterOptions {
  gzip?: boolean;
  /** Records per Graph page / PowerShell array / Event Hub batch. */
  pageSize?: number;
}

export interface RecordWriter {
  readonly path: string;
  write(record: GeneratedSignIn): Promise<void> | undefined;
  /** Finish the file; resolves with the number of records written. */
  close(): Promise<number>;
}

export abstract class BaseWriter implements RecordWriter {
  protected readonly sink: Sink;
  protected count = 0;

  constructor(
    readonly path: string,
    options: WriterOptions,
  ) {
    this.sink = new Sink(path, options.gzip ?? false);
  }

  write(record: GeneratedSignIn): Promise<void> | undefined {
    const p = this.emit(record, this.count);
    this.count++;
    return p;
  }

  async close(): Promise<number> {
    await this.finish();
    await this.sink.close();
    return this.count;
  }

  /** Write one record; `index` is its position in the file. */
  protected abstract emit(record: GeneratedSignIn, index: number): Promise<void> | undefined;
  protected finish(): Promise<void> | undefined {
    return undefined;
  }
}

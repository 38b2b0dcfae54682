/** Write one scenario (or a day range / category subset of it) in one format. */
import { createScenario, type Scenario, type ScenarioOptions, type StreamOptions } from './scenario';
import { createWriter, FORMATS, type FormatId } from './writers/formats';
import type { WriterOptions } from './writers/record-writer';
import type { GroundTruth } from './ground-truth';

export interface WriteFormatOptions extends ScenarioOptions, WriterOptions, Omit<StreamOptions, 'order'> {
  order?: 'asc' | 'desc';
}

export interface WriteResult {
  path: string;
  format: FormatId;
  records: number;
  groundTruth: GroundTruth;
}

/** Stream `scenario` (already built) into `path`; returns the record count. */
export async function writeScenario(scenario: Scenario, format: FormatId, path: string, options: WriterOptions & StreamOptions = {}): Promise<number> {
  const info = FORMATS[format];
  const allowed = info.categories;
  const categories = options.categories ? options.categories.filter((c) => !allowed || allowed.includes(c)) : (allowed ?? undefined);
  const writer = createWriter(format, path, options);
  const stream = scenario.signIns({
    order: options.order ?? info.order,
    ...(options.fromDay !== undefined ? { fromDay: options.fromDay } : {}),
    ...(options.toDay !== undefined ? { toDay: options.toDay } : {}),
    ...(categories ? { categories } : {}),
  });
  for (const record of stream) {
    const pending = writer.write(record);
    if (pending) await pending;
  }
  return writer.close();
}

export async function writeFormat(format: FormatId, path: string, options: WriteFormatOptions): Promise<WriteResult> {
  const scenario = createScenario(options);
  const records = await writeScenario(scenario, format, path, options);
  return { path, format, records, groundTruth: scenario.groundTruth };
}

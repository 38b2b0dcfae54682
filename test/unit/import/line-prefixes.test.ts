// Lines with a non-JSON prefix (a syslog header, a timestamp) before their JSON object: the object is
// extracted and the file says so once, naming the first prefix; never "none of the known CSV columns".
import { describe, expect, it } from 'vitest';
import { diagnosticLine, graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir();

describe('line prefixes', () => {
  it('syslog (RFC 3164 and 5424) and timestamp prefixes: every object imports, one warning names the first prefix', async () => {
    const lines = [
      `<134>Mar  4 02:12:00 collector azure-signins: ${diagnosticLine(graphSignin())}`,
      `<165>1 2025-03-04T02:12:01Z collector signins - ID47 [meta sequenceId="7" note="{x}"] ${diagnosticLine(graphSignin())}`,
      diagnosticLine(graphSignin()),
      `2025-03-04T02:12:02.000Z ${diagnosticLine(graphSignin())}`,
      '<134>Mar  4 02:12:03 collector -- MARK --',
      `<134>Mar  4 02:12:04 collector azure-signins: ${diagnosticLine(graphSignin())}`,
    ];
    const text = lines.join('\n') + '\n';
    const { file, rows } = await importIntoNewCase([tmp.write('syslog.log', text)]);
    expect(file()).toMatchObject({ imported: 5, status: 'ok' });
    const warning = file().firstIssues.find((i) => i.message.includes('before the JSON object'))!;
    expect(warning).toMatchObject({ severity: 'warning', byteOffset: 0 });
    expect(warning.message).toBe('4 lines began with text before the JSON object (the first: "<134>Mar  4 02:12:00 collector azure-signins:"); the text was skipped and the object imported');
    expect(file().firstIssues.find((i) => i.severity === 'error')!.message).toMatch(/unexpected text outside any JSON record: "<134>Mar 4 02:12:03 collector -- MARK/);
    expect(rows('SELECT count(DISTINCT id) FROM signins')[0]![0]).toBe(5);
    expect(
      file()
        .firstIssues.map((i) => i.message)
        .join('\n'),
    ).not.toMatch(/CSV|columns/);
  });

  it('a timestamp-prefixed file whose first line carries commas is JSON, not a CSV without known columns', async () => {
    const text = [1, 2].map(() => `2025-03-04 02:12:00,123 INFO ${JSON.stringify(graphSignin())}`).join('\r\n');
    const { file } = await importIntoNewCase([tmp.write('prefixed.txt', text)]);
    expect(file()).toMatchObject({ imported: 2, errors: 0, warnings: 1 });
  });

  it('a web page is still refused as one', async () => {
    const { file } = await importIntoNewCase([tmp.write('page.html', '<html><body><script>var x = {"id": 1}</script></body></html>')]);
    expect(file().status).toBe('unusable');
    expect(file().firstIssues[0]!.message).toMatch(/HTML/);
  });
});

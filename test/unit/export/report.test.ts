// The HTML case report on a case full of hostile text (log fields, file name, title, tags, notes,
// findings): the markup is read back strictly and no element or attribute may come from that text;
// it shows as text instead. Also: the CSP, no external resources, and the report's content.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyOp } from '../../../main/annotations/ops';
import type { CaseDb } from '../../../main/db/case-db';
import { replaceFindings } from '../../../main/detections/finding-store';
import { escapeHtml } from '../../../main/report/html';
import { renderReport, writeReport } from '../../../main/report/write-report';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';
import { fixtureRecords } from '../annotations/fixture-case';
import { tokenize, type Token } from './html-tokens';
import { scalar } from '../../helpers/sql';

const tmp = tempDir();
const XSS = {
  ua: '<img src=x onerror=alert(1)>',
  upn: '"><script>alert(2)</script>@evil.example',
  app: '</style><script>alert(3)</script>',
  city: "' onmouseover='alert(4)",
  reason: '<svg onload=alert(5)>&amp;',
  title: '</title><iframe src="javascript:alert(6)">',
  tag: '<b onclick=alert(7)>',
  note: '<a href="javascript:alert(8)">click</a>\u0000',
  file: '<img src=y onerror=alert(9)>.json',
  finding: '<math><mi xlink:href="javascript:alert(10)">',
};

const ELEMENTS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'h1',
  'h2',
  'h3',
  'p',
  'span',
  'div',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'dl',
  'dt',
  'dd',
  'svg',
  'g',
  'rect',
  'path',
  'circle',
  'line',
  'text',
]);
const ATTRIBUTES = new Set([
  'lang',
  'charset',
  'http-equiv',
  'content',
  'name',
  'class',
  'viewbox',
  'role',
  'aria-label',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'width',
  'height',
  'd',
  'cx',
  'cy',
  'r',
  'text-anchor',
]);

let caseDb: CaseDb;
let html: string;
let tokens: Token[];

beforeAll(async () => {
  const records = fixtureRecords({
    rows: 40,
    override: (i) =>
      i < 4
        ? {
            userAgent: XSS.ua,
            userPrincipalName: XSS.upn,
            appDisplayName: XSS.app,
            status: { errorCode: 50053, failureReason: XSS.reason },
            location: { city: XSS.city, countryOrRegion: 'RU', geoCoordinates: { latitude: 55.75, longitude: 37.62 } },
          }
        : {},
  });
  const evidence = path.join(tmp.dir, XSS.file);
  writeFileSync(evidence, JSON.stringify({ value: records }));
  ({ caseDb } = await importIntoNewCase([evidence]));
  caseDb.setMeta('title', XSS.title);
  const stamp = { author: '<i>mallory</i>', at: Date.UTC(2025, 2, 5) };
  applyOp(caseDb, { type: 'tag', scope: { rids: [1, 2, 3] }, tags: [XSS.tag, 'compromised'], ...stamp });
  applyOp(caseDb, { type: 'note', target: { type: 'signin', rid: 1 }, uid: 'n1', text: XSS.note, ...stamp });
  applyOp(caseDb, { type: 'note', target: { type: 'user', key: XSS.upn }, uid: 'n2', text: XSS.note, ...stamp });
  applyOp(caseDb, { type: 'star', target: { type: 'ip', key: XSS.ua }, starred: true, ...stamp });
  replaceFindings(
    caseDb,
    ['password-spray'],
    [
      {
        ruleId: 'password-spray',
        severity: 'high',
        title: XSS.finding,
        timeFrom: Date.UTC(2025, 2, 4),
        timeTo: Date.UTC(2025, 2, 5),
        users: [XSS.upn],
        ips: [XSS.ua],
        signinCount: 4,
        rids: [1, 2, 3, 4],
        details: { note: XSS.note },
      },
    ],
  );
  html = renderReport(caseDb, { topSignins: 3 }).html;
  tokens = tokenize(html);
});

const texts = () => tokens.flatMap((t) => (t.type === 'text' ? [t.text] : []));
const opens = () => tokens.filter((t): t is Extract<Token, { type: 'open' }> => t.type === 'open');

describe('HTML report', () => {
  it('escapes hostile text into harmless text', () => {
    expect(escapeHtml(XSS.ua)).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
    expect(escapeHtml('a\u0000b\u001bc\td\ne')).toBe('a\uFFFDb\uFFFDc\td\ne');
  });

  it('contains no element or attribute made of log text; the hostile text appears as text', () => {
    for (const t of opens()) {
      expect(ELEMENTS, `element <${t.name}>`).toContain(t.name);
      for (const [name, value] of t.attrs) {
        expect(ATTRIBUTES, `attribute ${name}`).toContain(name);
        if (name !== 'content') expect(value).not.toMatch(/alert|javascript|[<>]/);
      }
    }
    const all = texts().join('\n');
    for (const payload of [XSS.ua, XSS.upn, XSS.app, XSS.city, XSS.reason, XSS.title, XSS.tag, XSS.file, XSS.finding]) expect(all).toContain(payload);
    expect(all).toContain(XSS.note.replace('\u0000', '\uFFFD'));
    expect(all).toContain('<i>mallory</i>');
  });

  it('is self-contained behind a strict Content-Security-Policy', () => {
    const csp = opens().find((t) => t.name === 'meta' && t.attrs.some(([k, v]) => k === 'http-equiv' && v === 'Content-Security-Policy'))!;
    const policy = csp.attrs.find(([k]) => k === 'content')![1];
    const style = tokens.find((t) => t.type === 'raw')!;
    const hash = createHash('sha256')
      .update((style as { text: string }).text)
      .digest('base64');
    expect(policy).toBe(`default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(html).not.toMatch(/<script|<iframe|<img|<link/i); // only their escaped text
    expect((style as { text: string }).text).not.toMatch(/url\(|@import|https?:/);
    // CSP must come before anything it governs
    expect(tokens.findIndex((t) => t === csp)).toBeLessThan(tokens.findIndex((t) => t.type === 'open' && t.name === 'style'));
  });

  it('shows the scope, evidence with SHA-256, findings with their sign-ins, annotations, timeline and map', async () => {
    const all = texts().join('\n');
    const sha = String(scalar(caseDb, 'SELECT sha256 FROM sources'));
    expect(all).toContain(sha);
    expect(all).toMatch(/40 \(\d+ success, \d+ failure, 0 interrupted\)/);
    expect(all).toContain('first 3 listed');
    expect(all).toContain('compromised');
    expect(all).toContain('Annotated sign-ins (3)');
    expect(opens().filter((t) => t.name === 'circle').length).toBe(3); // Seattle, Lagos, Moscow
    expect(opens().filter((t) => t.name === 'rect' && t.attrs.some(([k, v]) => k === 'class' && v === 'fail')).length).toBeGreaterThan(0);
    expect(opens().filter((t) => t.name === 'path' && t.attrs.some(([k, v]) => k === 'class' && v === 'land'))).toHaveLength(1);

    const summary = await writeReport(caseDb, { path: path.join(tmp.dir, 'report.html'), topSignins: 3 });
    expect(summary).toMatchObject({ signins: 40, findings: 1 });
  });
});

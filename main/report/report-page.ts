// The case report as one self-contained HTML page: no scripts, no external resources, a strict
// Content-Security-Policy, and every value from the case (log fields, notes, tags, file names)
// interpolated through the escaping `html` template.
import { COLUMN_BY_KEY } from '../../shared/model/columns';
import type { FindingBlock, ScopeCounts, SourceRow } from './report-data';
import type { ReportAnnotations } from './report-annotations';
import { html, SafeHtml } from './html';
import { REPORT_CSS, styleHash } from './report-style';
import { REPORT_SIGNIN_COLUMNS, type ReportSignin } from './signin-rows';
import { legend } from './svg-timeline';
import { isoInZone, offsetsLabel } from '../../shared/util/zoned-time';

export interface ReportContent {
  title: string;
  casePath: string | null;
  generatedAt: string;
  author: string;
  version: string;
  scope: string[] | null;
  counts: ScopeCounts;
  timeline: SafeHtml;
  map: SafeHtml;
  mapPoints: number;
  findings: FindingBlock[] | null;
  annotations: ReportAnnotations;
  sources: SourceRow[];
  /** The analyst's display zone (IANA), stated beside the UTC times; null when working in UTC. */
  timeZone: string | null;
  /** Triage import: the "Partial import: filter ..." banner, null for a full import. */
  partialImport: string | null;
}

export function reportPage(c: ReportContent): string {
  // The stylesheet is a constant (no "<"), inserted as is: its hash in the CSP is of this exact text.
  const csp = `default-src 'none'; style-src ${styleHash()}; img-src data:; base-uri 'none'; form-action 'none'`;
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/>
<meta http-equiv="Content-Security-Policy" content="${csp}"/>
<meta name="referrer" content="no-referrer"/>
<title>${c.title} – sign-in investigation report</title>
<style>${new SafeHtml(REPORT_CSS)}</style></head>
<body>
<h1>${c.title}</h1>
<p class="meta">Sign-in investigation report generated ${c.generatedAt} by ${c.author} with SigninScope ${c.version}${c.casePath ? html` from <span class="mono">${c.casePath}</span>` : ''}.</p>
${c.partialImport ? html`<p class="partial" role="note">${c.partialImport}. Sign-ins outside the filter were never imported: counts, findings and the timeline leave them out.</p>` : ''}
${scopeSection(c)}
<h2>Timeline</h2>${c.timeline}
<h2>Locations</h2>${c.map}
<p class="muted">${c.mapPoints} located places (rounded to 0.1°); circle area follows the number of sign-ins, colour the prevailing outcome. ${legend()}</p>
${findingsSection(c.findings)}
${annotationsSection(c.annotations)}
${evidenceSection(c.sources)}
${activitySection(c.annotations.activity)}
</body></html>
`.html;
}

function scopeSection(c: ReportContent): SafeHtml {
  const n = c.counts;
  const time = (ms: number | null) => (ms === null ? '–' : new Date(ms).toISOString());
  return html`<h2>Scope</h2>
<p>${c.scope ? html`Sign-ins matching: ${c.scope.map((line, i) => html`${i ? '; ' : ''}<span class="mono">${line}</span>`)}.` : 'All sign-ins in the case.'}</p>
<dl><dt>Time range (UTC)</dt><dd>${time(n.timeMin)} – ${time(n.timeMax)}</dd>
${zoneRows(c.timeZone, n.timeMin, n.timeMax)}
<dt>Sign-ins</dt><dd>${n.signins} (${n.success} success, ${n.failure} failure, ${n.interrupted} interrupted)</dd>
<dt>Users</dt><dd>${n.users}</dd><dt>IP addresses</dt><dd>${n.ips}</dd><dt>Applications</dt><dd>${n.apps}</dd></dl>`;
}

/** The analyst's zone with every offset it used over the scope (DST gives two); the rest stays UTC. */
function zoneRows(zone: string | null, from: number | null, to: number | null): SafeHtml | string {
  if (!zone) return '';
  const range = from === null || to === null ? '' : html`<dt>Time range (${zone})</dt><dd>${isoInZone(from, zone)} – ${isoInZone(to, zone)}</dd>`;
  return html`${range}<dt>Analyst time zone</dt><dd>${zone}${from !== null && to !== null ? html`, ${offsetsLabel(from, to, zone)} in this range` : ''}. Other times in this report are UTC.</dd>`;
}

function signinTable(rows: readonly ReportSignin[], extra?: { head: string; cell: (r: ReportSignin) => SafeHtml }): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">No sign-ins.</p>`;
  // Fixed layout: the header cells' classes give each column its share of the page (report-style.ts).
  const head = REPORT_SIGNIN_COLUMNS.map((k) => html`<th class="c-${k}">${COLUMN_BY_KEY.get(k)?.label ?? k}</th>`);
  const body = rows.map((r) => html`<tr>${REPORT_SIGNIN_COLUMNS.map((k) => html`<td>${r[k]}</td>`)}${extra ? html`<td>${extra.cell(r)}</td>` : ''}</tr>`);
  return html`<table class="signins${extra ? ' extra' : ''}"><thead><tr>${head}${extra ? html`<th class="c-extra">${extra.head}</th>` : ''}</tr></thead><tbody>${body}</tbody></table>`;
}

function findingsSection(findings: FindingBlock[] | null): SafeHtml {
  if (findings === null) return html`<h2>Findings</h2><p class="muted">Detections have not been run on this case.</p>`;
  if (findings.length === 0) return html`<h2>Findings</h2><p>The detections found nothing.</p>`;
  const time = (ms: number | null) => (ms === null ? '–' : new Date(ms).toISOString());
  return html`<h2>Findings (${findings.length})</h2>${findings.map(
    (f) => html`<h3><span class="sev sev-${f.severity.replace(/[^a-z]/g, '')}">${f.severity}</span> ${f.title}</h3>
<dl><dt>Rule</dt><dd class="mono">${f.ruleId}</dd><dt>Time (UTC)</dt><dd>${time(f.timeFrom)} – ${time(f.timeTo)}</dd>
<dt>Users</dt><dd>${f.users.join(', ') || '–'}</dd><dt>IP addresses</dt><dd>${f.ips.join(', ') || '–'}</dd>
<dt>Sign-ins</dt><dd>${f.signinCount}${f.signinCount > f.signins.length ? ` (first ${f.signins.length} listed)` : ''}</dd></dl>
${signinTable(f.signins)}`,
  )}`;
}

const tagChips = (tags: readonly string[]) => tags.map((t) => html`<span class="tag">${t}</span>`);

function annotationsSection(a: ReportAnnotations): SafeHtml {
  const c = a.counts;
  const summary = html`<p>Annotations in the case: ${c.total} (tags: ${c.tags}, notes: ${c.notes}, stars: ${c.stars}; starred sign-ins: ${c.starredSignins}, other starred items: ${c.starredOthers}).</p>`;
  const starRow = c.stars ? html`<tr><td>★ starred</td><td class="num">${c.starredSignins}</td><td class="num">${c.starredOthers}</td></tr>` : '';
  const tags =
    a.tags.length || c.stars
      ? html`<table class="narrow"><thead><tr><th>Tag</th><th>Sign-ins</th><th>Other items</th></tr></thead><tbody>${a.tags.map((t) => html`<tr><td>${tagChips([t.tag])}</td><td class="num">${t.signins}</td><td class="num">${t.others}</td></tr>`)}${starRow}</tbody></table>`
      : html`<p class="muted">No tags.</p>`;
  const notes = a.notes.length
    ? html`<table><thead><tr><th>On</th><th>Note</th><th>By</th><th>When (UTC)</th></tr></thead><tbody>${a.notes.map((n) => html`<tr><td class="long">${a.nameOf(n.target)}</td><td class="long">${n.text}</td><td>${n.author}</td><td>${new Date(n.createdMs).toISOString()}</td></tr>`)}</tbody></table>`
    : html`<p class="muted">No notes.</p>`;
  const targets = a.targets.length
    ? html`<table><thead><tr><th>Item</th><th>Tags</th><th>Starred</th></tr></thead><tbody>${a.targets.map((t) => html`<tr><td class="long">${a.nameOf(t.target)}</td><td>${tagChips(t.tags)}</td><td>${t.starred ? '★' : ''}</td></tr>`)}</tbody></table>`
    : html`<p class="muted">No users, IP addresses, sessions or findings tagged or starred.</p>`;
  const signins = signinTable(a.signins, { head: 'Tags and notes', cell: (r) => annotatedCell(r as ReportAnnotations['signins'][number]) });
  return html`<h2>Annotations</h2>${summary}<h3>Tags and stars</h3>${tags}<h3>Notes</h3>${notes}<h3>Users, IP addresses, sessions and findings</h3>${targets}
<h3>Annotated sign-ins (${a.annotatedSignins}${a.annotatedSignins > a.signins.length ? `, first ${a.signins.length} listed` : ''})</h3>${signins}`;
}

function annotatedCell(r: ReportAnnotations['signins'][number]): SafeHtml {
  return html`${r.starred ? '★ ' : ''}${tagChips(r.tags)}${r.notes.map((n) => html`<div>${n}</div>`)}`;
}

function evidenceSection(sources: readonly SourceRow[]): SafeHtml {
  const rows = sources.map(
    (s) =>
      html`<tr><td class="long">${s.fileName}<div class="muted mono">${s.path}</div></td><td>${s.format}</td><td class="num">${s.size}</td><td class="num">${s.records}</td><td class="num">${s.imported}</td><td class="mono long">${s.sha256 ?? 'not recorded'}</td><td>${s.importedAt}</td></tr>`,
  );
  return html`<h2>Evidence</h2>${sources.length ? html`<table><thead><tr><th>File</th><th>Format</th><th>Bytes</th><th>Records</th><th>Imported</th><th>SHA-256</th><th>Imported at</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p class="muted">No evidence imported.</p>`}`;
}

function activitySection(items: ReportAnnotations['activity']): SafeHtml {
  if (items.length === 0) return html``;
  const details = (d: unknown) => {
    const text = JSON.stringify(d);
    return text && text.length > 300 ? `${text.slice(0, 300)}…` : (text ?? '');
  };
  return html`<h2>Investigation log</h2><table><thead><tr><th>When (UTC)</th><th>By</th><th>Action</th><th>Details</th></tr></thead><tbody>${items.map((e) => html`<tr><td>${e.time}</td><td>${e.author}</td><td>${e.action}</td><td class="mono long">${details(e.details)}</td></tr>`)}</tbody></table>`;
}

// The report's stylesheet (inline, allowed by its hash in the page's Content-Security-Policy).
import { createHash } from 'node:crypto';

export const REPORT_CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:2px solid #dfe3ea;padding-bottom:4px}
h3{font-size:15px;margin:20px 0 6px}.partial{background:#fff4e5;border:1px solid #f0a030;border-left:6px solid #d97706;padding:8px 12px;margin:12px 0;font-weight:600}.muted{color:#667085}.meta{color:#475467;margin:0}
table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:12.5px}
th,td{border:1px solid #e4e7ec;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:#f2f4f7;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.long{overflow-wrap:anywhere}td.when{white-space:nowrap}
table.signins{table-layout:fixed;font-size:11.5px}table.signins td,table.signins th{overflow-wrap:break-word}table.narrow{width:auto;min-width:50%}
.c-created_at{width:11%}.c-user_principal_name{width:14%}.c-ip_address{width:10%}.c-city{width:7%}.c-country{width:5%}
.c-app_display_name{width:10%}.c-client_app_used{width:7%}.c-status{width:6%}.c-status_code{width:6%}.c-failure_reason{width:11%}.c-user_agent{width:13%}
table.extra .c-user_agent,table.extra .c-failure_reason{width:8%}.c-extra{width:10%}
code,.mono{font-family:ui-monospace,Consolas,monospace;font-size:12px}
.sev{display:inline-block;padding:0 6px;border-radius:8px;font-size:12px;font-weight:600;color:#fff;background:#667085}
.sev-high{background:#b42318}.sev-medium{background:#dc6803}.sev-low{background:#1570ef}
.tag{display:inline-block;background:#eef4ff;border:1px solid #c7d7fe;border-radius:8px;padding:0 6px;margin:1px;font-size:12px;max-width:100%;box-sizing:border-box;overflow-wrap:anywhere}
svg.chart,svg.map{width:100%;height:auto;display:block}
.ok{fill:#12b76a;color:#12b76a}.fail{fill:#f04438;color:#f04438}.int{fill:#f79009;color:#f79009}.other{fill:#98a2b3;color:#98a2b3}
.points circle{fill-opacity:.7;stroke:#fff;stroke-width:.6}.sea{fill:#f5f8fc}.land{fill:#dde3ea;stroke:#fff;stroke-width:.4}
.axis{font-size:11px;fill:#667085}.axisline{stroke:#98a2b3}.key{font-size:14px}
dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px;margin:4px 0}dt{color:#667085}dd{margin:0}
@media print{body{max-width:none}h2{break-after:avoid}table{break-inside:auto}}
`;

/** CSP source for the stylesheet above: exactly this text may style the page, nothing else. */
export function styleHash(css: string = REPORT_CSS): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

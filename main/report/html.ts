// The report's only way to produce markup: the `html` template tag. Literal template text is trusted
// (it is code); every interpolated value goes through `escapeHtml` unless it is itself the output of
// `html` — so log text can never become an element or an attribute, whatever it contains. Templates
// always quote attribute values, so an escaped value cannot leave its attribute either.
export class SafeHtml {
  constructor(readonly html: string) {}

  toString(): string {
    return this.html;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for element content and quoted attribute values. Control characters (other than tab and line
 * breaks) become U+FFFD: they are invalid in HTML and only serve to confuse viewers.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\uFFFD');
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.html;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** A number for SVG geometry: short, and never NaN or Infinity. */
export function num(value: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Number.isFinite(value) ? Math.round(value * f) / f : 0;
}

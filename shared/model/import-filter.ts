// Triage import: which sign-ins of an export too big for one case are kept. One definition for the
// contract, the CLI and the import dialog. AND across kinds, OR within a kind; an empty kind is no
// condition. Users and apps compare case-insensitively and exactly (not as substrings); IPs as
// addresses or CIDR ranges; `from` / `to` bound the sign-in time, both inclusive.
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/** Date only (midnight UTC) or a date-time with seconds optional and an explicit zone (Z or ±hh:mm). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function isIpOrCidr(text: string): boolean {
  const [addr, prefix, extra] = text.split('/');
  if (extra !== undefined || !addr) return false;
  const v4 = ipaddr.IPv4.isValidFourPartDecimal(addr);
  if (!v4 && !ipaddr.IPv6.isValid(addr)) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128));
}

export function isIsoInstant(text: string): boolean {
  return ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text));
}

// Needles never hold quotes, backslashes or control characters: no user or app name does, and the
// byte pre-screen could not find them as written in JSON or CSV.
const Needle = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .regex(/^[^"\\\u0000-\u001f]+$/, 'no quotes, backslashes or control characters');

export const ImportFilter = z
  .object({
    /** User principal names or user object ids. */
    users: z.array(Needle).max(100_000).optional(),
    /** Addresses or CIDR ranges, IPv4 or IPv6. */
    ips: z.array(z.string().trim().refine(isIpOrCidr, 'an IP address or CIDR range (10.0.0.0/8, 2001:db8::/32)')).max(10_000).optional(),
    from: z.string().refine(isIsoInstant, 'an ISO time such as 2025-03-01 or 2025-03-01T08:00:00Z').optional(),
    to: z.string().refine(isIsoInstant, 'an ISO time such as 2025-03-31 or 2025-03-31T23:59:59Z').optional(),
    /** Application display names or application ids. */
    apps: z.array(Needle).max(10_000).optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || Date.parse(f.from) <= Date.parse(f.to), { message: '`from` is after `to`' });
export type ImportFilter = z.infer<typeof ImportFilter>;

/** Kinds with no condition dropped; undefined when nothing is left (a full import). */
export function activeFilter(f: ImportFilter | undefined): ImportFilter | undefined {
  if (!f) return undefined;
  const out: ImportFilter = {};
  if (f.users?.length) out.users = f.users;
  if (f.ips?.length) out.ips = f.ips;
  if (f.apps?.length) out.apps = f.apps;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  return Object.keys(out).length ? out : undefined;
}

/** One line for banners and the CLI: `users alice@x, bob@y; IPs 10.0.0.0/8; from 2025-03-01`. */
export function describeImportFilter(f: ImportFilter, maxItems = 5): string {
  const list = (items: string[]) => (items.length > maxItems ? `${items.slice(0, maxItems).join(', ')} and ${items.length - maxItems} more` : items.join(', '));
  const parts: string[] = [];
  if (f.users?.length) parts.push(`user${f.users.length === 1 ? '' : 's'} ${list(f.users)}`);
  if (f.ips?.length) parts.push(`IP${f.ips.length === 1 ? '' : 's'} ${list(f.ips)}`);
  if (f.apps?.length) parts.push(`app${f.apps.length === 1 ? '' : 's'} ${list(f.apps)}`);
  if (f.from) parts.push(`from ${f.from}`);
  if (f.to) parts.push(`to ${f.to}`);
  return parts.join('; ') || 'none';
}

/** What the manifest keeps per evidence file read through a filter. */
export const PartialImportSource = z.object({
  sourceId: z.number(),
  fileName: z.string(),
  filter: z.string(),
  read: z.number(),
  kept: z.number(),
  skipped: z.number(),
});
export type PartialImportSource = z.infer<typeof PartialImportSource>;

/** The banner's text: what was filtered and how much was left out. */
export function describePartialImport(sources: readonly PartialImportSource[]): string {
  const read = sources.reduce((n, s) => n + s.read, 0);
  const kept = sources.reduce((n, s) => n + s.kept, 0);
  const skipped = sources.reduce((n, s) => n + s.skipped, 0);
  const filters = [...new Set(sources.map((s) => s.filter))];
  const files = `${sources.length} evidence file${sources.length === 1 ? '' : 's'}`;
  return `Partial import: filter ${filters.join(' | ')} — ${files} read through it: ${kept.toLocaleString('en')} of ${read.toLocaleString('en')} records kept, ${skipped.toLocaleString('en')} skipped by the filter`;
}

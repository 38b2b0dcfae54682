// Schemas of the investigator's work kept in the case: tags, notes and stars on sign-ins, sessions,
// users, IPs and findings; the activity log; saved views; crash recovery (journal and autosave).
import { z } from 'zod';
import { LIMITS } from '../api/limits';
import { FilterSpec, SortSpec } from './filter-spec';

export const PREDEFINED_TAGS = ['suspicious', 'benign', 'compromised', 'IOC', 'false-positive', 'needs-review'] as const;

export const TARGET_TYPES = ['signin', 'session', 'user', 'ip', 'finding'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const ANNOTATION_KINDS = ['tag', 'note', 'star'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** Investigation actions recorded in the append-only activity log. */
export const ACTIVITY_ACTIONS = ['import', 'annotate', 'untag', 'note', 'view', 'export', 'report', 'save', 'open', 'recover', 'locate'] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

// Free text, but one line of printable characters: tags end up in filters, CSV and the report.
const NO_CONTROLS = /^[^\u0000-\u001f\u007f]*$/;
export const Tag = z.string().trim().min(1).max(64).regex(NO_CONTROLS, 'tags are one line of text');
const Author = z.string().trim().min(1).max(128).regex(NO_CONTROLS);

/** A sign-in is named by its row id; the others by their text key (correlation id, UPN, IP, finding id). */
export const AnnotationTarget = z.union([
  z.object({ type: z.literal('signin'), rid: z.number().int().min(1) }),
  z.object({ type: z.enum(['session', 'user', 'ip', 'finding']), key: z.string().trim().min(1).max(512) }),
]);
export type AnnotationTarget = z.infer<typeof AnnotationTarget>;

/** What a tag or untag applies to: one target, a selection of sign-ins, or every sign-in a filter matches. */
export const TagScope = z.union([z.object({ target: AnnotationTarget }), z.object({ rids: z.array(z.number().int()).min(1).max(LIMITS.maxRids) }), z.object({ filter: FilterSpec })]);
export type TagScope = z.infer<typeof TagScope>;

const TagReq = z.object({ scope: TagScope, tags: z.array(Tag).min(1).max(16), author: Author.optional() });
/** `jobId` is set when a large filter result is tagged as a job (the counts then come with `job.done`). */
const TagRes = z.object({ matched: z.number(), changed: z.number(), jobId: z.string().nullable() });

export const SigninBrief = z.object({ createdAt: z.string().nullable(), user: z.string().nullable(), ip: z.string().nullable(), app: z.string().nullable(), status: z.string().nullable() });

export const AnnotationItem = z.object({
  id: z.number(),
  kind: z.enum(ANNOTATION_KINDS),
  target: AnnotationTarget,
  tag: z.string().nullable(),
  note: z.string().nullable(),
  /** Notes are removed by uid. */
  uid: z.string().nullable(),
  author: z.string(),
  createdMs: z.number(),
  /** For sign-in targets: when, who, from where (null when the row is not in the case). */
  signin: SigninBrief.nullable(),
});
export type AnnotationItem = z.infer<typeof AnnotationItem>;

export const AnnotationListReq = z.object({
  kind: z.enum(ANNOTATION_KINDS).optional(),
  tag: Tag.optional(),
  targetType: z.enum(TARGET_TYPES).optional(),
  target: AnnotationTarget.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});

export const ActivityEntry = z.object({ id: z.number(), time: z.string(), author: z.string(), action: z.string(), details: z.unknown() });
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export const ViewName = z.string().trim().min(1).max(200).regex(NO_CONTROLS);
export const SavedView = z.object({
  id: z.string(),
  name: z.string(),
  filter: FilterSpec,
  columns: z.array(z.string().max(64)).max(80),
  sort: SortSpec,
  author: z.string(),
  createdMs: z.number(),
  updatedMs: z.number(),
});
export type SavedView = z.infer<typeof SavedView>;

/** Recovery ids name files in the recovery folder: no separators, no dots. */
export const RecoveryId = z.string().regex(/^[A-Za-z0-9-]{1,80}$/);

export const RecoveryStatus = z.object({
  /** Where this case's annotations are journaled (next to the case file, or in the recovery folder). */
  journalPath: z.string().nullable(),
  /** Journal entries not yet in a saved case file. */
  pending: z.number(),
  /** What the last open replayed from the journal ("recovered N annotations"). */
  lastRecovery: z.object({ entries: z.number(), annotations: z.number(), failed: z.number(), journalPath: z.string() }).nullable(),
  lastAutosave: z.object({ at: z.string(), path: z.string(), bytes: z.number(), ms: z.number() }).nullable(),
  /** The last autosave's failure (cleared by the next success). */
  autosaveError: z.string().nullable(),
  autosaveMinutes: z.number(),
});
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;

export const RecoverableCase = z.object({ id: z.string(), modifiedMs: z.number(), bytes: z.number(), journalEntries: z.number() });

/** The annotation, activity, saved-view and recovery channels of the API contract (spread into `contract`). */
export const annotationChannels = {
  'annotations.tag': { req: TagReq, res: TagRes },
  'annotations.untag': { req: TagReq, res: TagRes },
  'annotations.note': { req: z.object({ target: AnnotationTarget, text: z.string().trim().min(1).max(LIMITS.maxText), author: Author.optional() }), res: z.object({ uid: z.string() }) },
  'annotations.deleteNote': { req: z.object({ uid: z.string().min(1).max(64), author: Author.optional() }), res: z.object({ removed: z.boolean() }) },
  'annotations.star': { req: z.object({ target: AnnotationTarget, starred: z.boolean(), author: Author.optional() }), res: z.object({ starred: z.boolean() }) },
  /** Stars or unstars a selection of sign-ins in one change (one journal and activity entry). */
  'annotations.starRows': {
    req: z.object({ rids: z.array(z.number().int()).min(1).max(LIMITS.maxRids), starred: z.boolean(), author: Author.optional() }),
    res: z.object({ matched: z.number(), changed: z.number() }),
  },
  /** Everything noted, newest first, filtered by kind / tag / target type / one target, paged. */
  'annotations.list': { req: AnnotationListReq, res: z.object({ total: z.number(), items: z.array(AnnotationItem) }) },
  /** Tags, star and note count of visible grid rows (only rows that carry any). */
  'annotations.forRids': {
    req: z.object({ rids: z.array(z.number().int()).max(LIMITS.maxPageRows) }),
    res: z.object({ rows: z.array(z.object({ rid: z.number(), tags: z.array(z.string()), starred: z.boolean(), notes: z.number() })) }),
  },
  /** The tag picker: predefined tags and the tags in use with their counts. */
  'annotations.tags': {
    req: z.object({}),
    res: z.object({ predefined: z.array(z.string()), used: z.array(z.object({ tag: z.string(), signins: z.number(), others: z.number() })) }),
  },
  'activity.list': {
    req: z.object({ action: z.enum(ACTIVITY_ACTIONS).optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
    res: z.object({ total: z.number(), items: z.array(ActivityEntry) }),
  },
  'views.list': { req: z.object({}), res: z.array(SavedView) },
  /** Creates a view (no id) or updates one; names are unique in the case. */
  'views.save': {
    req: z.object({ id: z.string().max(64).optional(), name: ViewName, filter: FilterSpec, columns: z.array(z.string().max(64)).max(80), sort: SortSpec, author: Author.optional() }),
    res: SavedView,
  },
  'views.delete': { req: z.object({ id: z.string().max(64), author: Author.optional() }), res: z.object({ deleted: z.boolean() }) },
  'recovery.status': { req: z.object({}), res: RecoveryStatus },
  /** Unsaved cases left by a crash (autosaved to the recovery folder). */
  'recovery.list': { req: z.object({}), res: z.array(RecoverableCase) },
  /** Opens an unsaved case from the recovery folder and replays its journal. */
  'recovery.open': { req: z.object({ id: RecoveryId }), res: RecoveryStatus },
  'recovery.discard': { req: z.object({ id: RecoveryId }), res: z.object({ discarded: z.boolean() }) },
} as const;

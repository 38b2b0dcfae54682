// Files dropped on the page in browser mode. The page sees File objects without paths, so it sends
// their bytes; main writes a read-only copy into the output folder, hashing what it receives, and the
// copy is what gets imported (its SHA-256 is the received bytes' hash). Electron never uses these:
// its preload reads the real path of a dropped file.
import { z } from 'zod';

/** Bytes per `drop.chunk` (before base64): a frame of about 700 KB, well under the socket's frame cap. */
export const DROP_CHUNK_BYTES = 512 * 1024;

const DropId = z.string().max(64);

export const droppedFileChannels = {
  'drop.begin': {
    req: z.object({ name: z.string().min(1).max(1024), size: z.number().int().min(0), lastModified: z.number().optional() }),
    res: z.object({ id: DropId }),
  },
  'drop.chunk': {
    req: z.object({ id: DropId, offset: z.number().int().min(0), data: z.string().max(Math.ceil(DROP_CHUNK_BYTES / 3) * 4) }),
    res: z.object({ received: z.number() }),
  },
  'drop.finish': {
    req: z.object({ id: DropId }),
    res: z.object({ path: z.string(), name: z.string(), bytes: z.number(), sha256: z.string() }),
  },
  'drop.abort': { req: z.object({ id: DropId }), res: z.object({ aborted: z.boolean() }) },
} as const;

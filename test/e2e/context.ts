// State shared by the specs of one Playwright worker (see world.ts): the server, the test's own backend
// connection, the browser page, and what the page did on the network. Helpers reach it through e2e().
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { GroundTruth } from '../../main/generator/ground-truth';
import type { BackendClient } from './backend-client';
import type { ServerHandle } from './server-process';

export interface E2E {
  server: ServerHandle;
  backend: BackendClient;
  context: BrowserContext;
  page: Page;
  evidenceDir: string;
  /** The evidence files the generator wrote (the folder later also holds saved cases and exports). */
  evidenceFiles: string[];
  /** What the generator planted in the evidence (attacks, special users). */
  groundTruth: GroundTruth;
  /** Every URL the page requested (HTTP and WebSocket). */
  requests: string[];
  /** Every JS dialog (alert/confirm/prompt) the page opened. */
  dialogs: string[];
  /** Requests the page sent on the WebSocket, parsed. */
  sentFrames: Array<{ id: number; channel: string; req: unknown }>;
}

let current: E2E | null = null;

export function setE2E(e: E2E): void {
  current = e;
}

export function e2e(): E2E {
  if (!current) throw new Error('e2e context not ready');
  return current;
}

export const RESULTS_DIR = path.resolve(__dirname, '..', '..', 'test-results');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Everything the CLI prints goes through here. Log values, file names, case titles and error messages
// are untrusted: every control character except newline and tab (C0, DEL, C1 such as CSI U+009B) and
// every bidirectional override is written as a visible `\uXXXX` escape, so a crafted field cannot move
// the cursor, recolour or retitle the terminal, or reorder what is shown. In JSON output the same
// escape is valid JSON for the same character, so --json stays lossless.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line on stdout (neutralized). */
export function printLine(text: string): void {
  process.stdout.write(`${terminalSafe(text)}\n`);
}

/** One line on stderr (neutralized). */
export function printError(text: string): void {
  process.stderr.write(`${terminalSafe(text)}\n`);
}

/**
 * Exits once stdout and stderr have handed everything to the OS. `process.exit` right after a large
 * write to a pipe drops whatever did not fit in the pipe buffer (64 KiB on Linux): a write's callback
 * runs only after every earlier write on that stream has been flushed.
 */
export async function exitAfterFlush(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([process.stdout, process.stderr].map((s) => new Promise<void>((resolve) => (s.writableEnded || s.destroyed ? resolve() : s.write('', () => resolve())))));
  process.exit(code);
}

// Asking before something cannot be undone (replacing a file, closing a case with unsaved work):
// `confirmAction` shows one dialog and resolves true only on the explicit button. Escape, Cancel or a
// click outside answer no. The host is mounted once in the app shell.
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { ApiError } from '../../api/client';

interface Ask {
  title: string;
  message: string;
  confirmLabel: string;
  resolve(ok: boolean): void;
}

const useAsk = create<{ ask: Ask | null }>(() => ({ ask: null }));

export function confirmAction(opts: Omit<Ask, 'resolve'>): Promise<boolean> {
  useAsk.getState().ask?.resolve(false);
  return new Promise((resolve) => useAsk.setState({ ask: { ...opts, resolve } }));
}

/**
 * Runs a write that the backend refuses with EXISTS when its target exists; asks the user and repeats
 * it with `overwrite: true` only on "Replace". Resolves null when the user kept the existing file.
 */
export async function writeAskingToReplace<T>(target: string, write: (overwrite: boolean) => Promise<T>): Promise<T | null> {
  try {
    return await write(false);
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'EXISTS') throw e;
  }
  const ok = await confirmAction({ title: 'Replace the existing file?', message: `${target} already exists. Replacing it cannot be undone.`, confirmLabel: 'Replace' });
  return ok ? write(true) : null;
}

export function ConfirmHost() {
  const ask = useAsk((s) => s.ask);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const answer = (ok: boolean) => {
    useAsk.setState({ ask: null });
    ask?.resolve(ok);
  };
  useEffect(() => {
    if (!ask) return;
    cancelRef.current?.focus(); // the safe answer has the focus
    // Capture phase: Escape answers this dialog without also closing the dialog underneath.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      answer(false);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });
  if (!ask) return null;
  return (
    <div className="modal-backdrop confirm-backdrop" onMouseDown={(e) => e.target === e.currentTarget && answer(false)}>
      <div className="modal confirm" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-message" data-testid="confirm-dialog">
        <header className="modal-head">
          <h2 id="confirm-title">{ask.title}</h2>
        </header>
        <p id="confirm-message" className="dialog-body confirm-message">
          {ask.message}
        </p>
        <footer className="modal-foot">
          <span className="grow" />
          <button ref={cancelRef} className="btn" onClick={() => answer(false)} data-testid="confirm-cancel">
            Cancel
          </button>
          <button className="btn danger" onClick={() => answer(true)} data-testid="confirm-ok">
            {ask.confirmLabel}
          </button>
        </footer>
      </div>
    </div>
  );
}

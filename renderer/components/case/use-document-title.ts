// The window / tab title names the open case, so a second window or a task switcher never leaves the
// analyst guessing which case they are in.
import { useEffect } from 'react';
import type { CaseInfo } from '../../../shared/api/contract';

export function useDocumentTitle(info: CaseInfo | null | undefined): void {
  const title = info ? `${info.title}${info.dirty ? ' •' : ''}${info.path ? '' : ' (not saved)'} — SigninScope` : 'SigninScope';
  useEffect(() => {
    document.title = title;
  }, [title]);
}

// Runs a user action, turning any failure into a visible notice instead of an unhandled rejection.
import { useStore } from '../store/store';

export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (err) {
    useStore.getState().notify('error', (err as Error).message);
    return undefined;
  }
}

// IPC message names outside the contract, shared by main and preload.
/** Preload → main: absolute paths of files the user dropped on the window (trusted drop events only). */
export const FILES_DROPPED = 'signinscope:files-dropped';
/** Prefix of pushed contract events on webContents.send. */
export const EVENT_PREFIX = 'signinscope-event:';

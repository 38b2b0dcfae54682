// The application menu (File / Edit / View / Help).
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Actions } from './actions';

export function buildMenu(actions: Actions, recent: string[]): Menu {
  const isMac = process.platform === 'darwin';
  const run = (fn: () => Promise<unknown>) => () => void fn();
  const recentItems: MenuItemConstructorOptions[] = recent.length ? recent.map((p) => ({ label: p, click: run(() => actions.openCase(p)) })) : [{ label: 'No recent cases', enabled: false }];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Evidence…', accelerator: 'CmdOrCtrl+O', click: run(() => actions.chooseEvidence()) },
        { label: 'Open Case…', accelerator: 'CmdOrCtrl+Shift+O', click: run(() => actions.chooseCase()) },
        { label: 'Open Recent', submenu: recentItems },
        { label: 'Open Demo Case', click: run(() => actions.openDemo()) },
        { type: 'separator' },
        { label: 'Save Case', accelerator: 'CmdOrCtrl+S', click: run(() => actions.save(false)) },
        { label: 'Save Case As…', accelerator: 'CmdOrCtrl+Shift+S', click: run(() => actions.save(true)) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: 'Help',
      submenu: [
        { label: 'Open Query Log', click: run(() => actions.openQueryLog()) },
        { type: 'separator' },
        {
          label: 'About SigninScope',
          click: () =>
            void dialog.showMessageBox({
              title: 'SigninScope',
              message: `SigninScope ${app.getVersion()}`,
              detail: 'Offline forensic viewer for Microsoft Entra ID sign-in logs. Evidence never leaves this machine.',
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

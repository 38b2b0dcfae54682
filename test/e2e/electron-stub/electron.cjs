// A stand-in for the 'electron' module, recording what the main process asks of it. Used only
// where no Electron binary exists, to exercise dist/main/electron-app.js's wiring in plain Node.
const recorded = {
  handlers: new Map(),
  listeners: new Map(),
  webContents: {},
  windows: [],
  schemes: null,
  protocol: null,
  onBeforeRequest: null,
  menu: null,
  sandbox: false,
  permissionHandler: null,
  errors: [],
};
let readyResolve;
const ready = new Promise((resolve) => (readyResolve = resolve));

class BrowserWindow {
  constructor(options) {
    this.options = options;
    const mainFrame = { url: 'app://signinscope/index.html' };
    this.webContents = {
      mainFrame,
      on: (name, fn) => (recorded.webContents[name] = fn),
      setWindowOpenHandler: (fn) => (recorded.webContents.windowOpen = fn),
      getURL: () => mainFrame.url,
      send: () => {},
    };
    recorded.windows.push(this);
  }
  once() {}
  on() {}
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  loadURL(url) {
    this.url = url;
    return Promise.resolve();
  }
  static getAllWindows() {
    return recorded.windows;
  }
}

module.exports = {
  __recorded: recorded,
  app: {
    requestSingleInstanceLock: () => true,
    enableSandbox: () => (recorded.sandbox = true),
    on: () => {},
    whenReady: () => (setTimeout(readyResolve, 5), ready),
    getPath: () => process.env.STUB_USER_DATA,
    isPackaged: false,
    quit: () => {},
    exit: (code) => recorded.errors.push(`exit ${code}`),
    addRecentDocument: () => {},
    getVersion: () => '0.0.0',
  },
  BrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes) => (recorded.schemes = schemes),
    handle: (_scheme, fn) => (recorded.protocol = fn),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn) => (recorded.permissionHandler = fn),
      setPermissionCheckHandler: () => {},
      webRequest: { onBeforeRequest: (fn) => (recorded.onBeforeRequest = fn) },
    },
  },
  ipcMain: {
    handle: (channel, fn) => recorded.handlers.set(channel, fn),
    on: (channel, fn) => recorded.listeners.set(channel, fn),
    removeHandler: () => {},
    off: () => {},
  },
  Menu: { buildFromTemplate: (template) => ({ template }), setApplicationMenu: (menu) => (recorded.menu = menu) },
  dialog: {
    showErrorBox: (title, message) => recorded.errors.push(`${title}: ${message}`),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true }),
    showMessageBox: async () => ({}),
  },
  shell: { openExternal: async () => {}, openPath: async (p) => ((recorded.opened = p), '') },
  webUtils: { getPathForFile: () => '' },
};

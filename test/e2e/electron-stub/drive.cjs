// Loads the built Electron main bundle against the stub 'electron' module, with one evidence file on
// its command line, then probes the IPC, protocol and request guards. Prints one JSON line.
const Module = require('node:module');
const path = require('node:path');
const stubPath = path.join(__dirname, 'electron.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? stubPath : resolve.call(this, request, ...rest);
};
const [appBundle, evidenceFile] = process.argv.slice(2);
process.argv = ['electron', path.dirname(path.dirname(path.dirname(appBundle))), evidenceFile];
require(appBundle);
const rec = require(stubPath).__recorded;

const frame = (url) => {
  const f = { url };
  return { senderFrame: f, sender: { mainFrame: f } };
};
const cancelled = (url) => new Promise((done) => rec.onBeforeRequest({ url }, (r) => done(r.cancel)));

(async () => {
  for (let i = 0; i < 600 && !rec.menu && rec.errors.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  let info = null;
  for (let i = 0; i < 600; i++) {
    info = await rec.handlers.get('case.info')(frame('app://signinscope/index.html'), {});
    if (info.ok && info.value.signins > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const win = rec.windows[0];
  const prevented = [];
  rec.webContents['will-navigate']({ preventDefault: () => prevented.push('navigate') }, 'https://evil.example/');
  const index = await rec.protocol({ url: 'app://signinscope/' });
  const result = {
    errors: rec.errors,
    sandbox: rec.sandbox,
    schemes: rec.schemes,
    webPreferences: win && win.options.webPreferences,
    loadedUrl: win && win.url,
    channels: rec.handlers.size,
    menu: rec.menu && rec.menu.template.map((m) => m.label || m.role),
    caseFromAppPage: info,
    fromForeignPage: await rec.handlers.get('app.info')(frame('https://evil.example/'), {}),
    fromSubframeUrl: await rec.handlers.get('app.info')({ senderFrame: { url: 'app://signinscope/index.html' }, sender: { mainFrame: { url: 'x' } } }, {}),
    protocolIndex: { status: index.status, csp: index.headers.get('content-security-policy') },
    protocolTraversal: [(await rec.protocol({ url: 'app://signinscope/%2e%2e/%2e%2e/package.json' })).status, (await rec.protocol({ url: 'app://other/index.html' })).status],
    cancels: {
      https: await cancelled('https://example.com/'),
      ws: await cancelled('ws://127.0.0.1:1/'),
      app: await cancelled('app://signinscope/assets/x.js'),
      otherApp: await cancelled('app://other/x'),
    },
    navigationPrevented: prevented.length === 1,
    windowOpen: rec.webContents.windowOpen({ url: 'https://example.com/' }),
    permission: await new Promise((done) => rec.permissionHandler(null, 'geolocation', done)),
  };
  console.log(`STUB-RESULT ${JSON.stringify(result)}`);
  process.exit(0);
})().catch((err) => {
  console.log(`STUB-RESULT ${JSON.stringify({ crash: String(err && err.stack) })}`);
  process.exit(1);
});

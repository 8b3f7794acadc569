// Times require('dist/extension.js') + activate() in PLAIN Node (no tsx hooks), with a do-nothing `vscode`
// module. This is not a real VS Code: it measures our own module-load and activate() work only.
// Usage: node bench/activationStandIn.cjs <bundle> <rounds>   → prints one JSON line.
'use strict';
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const bundle = path.resolve(process.argv[2]);
const rounds = Number(process.argv[3] || '10');

/**
 * The names the bundle reads from `vscode` (window, Uri, CodeActionKind…): esbuild's interop copies the module's
 * own keys, so the stand-in must list them. Found through the variables bound to require("vscode"), minified or not.
 */
function vscodeNames(text) {
  const bindings = [...text.matchAll(/([A-Za-z_$][\w$]*)\s*=\s*[A-Za-z_$][\w$]*\(require\("vscode"\)/g)].map((match) => match[1]);
  const found = new Set();
  for (const binding of new Set(bindings)) {
    const escaped = binding.replace(/\$/g, '\\$');
    for (const match of text.matchAll(new RegExp(`(?<![\\w$.])${escaped}\\.([A-Za-z_$][\\w$]*)`, 'g'))) found.add(match[1]);
  }
  return found;
}
const names = vscodeNames(readFileSync(bundle, 'utf8'));

function standIn() {
  // A plain function, not an arrow: `new vscode.EventEmitter()` at activation needs a constructible target.
  const target = function () {};
  const handler = {
    get(_, key) {
      if (key === 'then' || typeof key === 'symbol') return undefined;
      if (key === 'workspaceFolders' || key === 'activeTextEditor') return undefined;
      if (key === 'visibleTextEditors' || key === 'textDocuments' || key === 'all') return [];
      return proxy;
    },
    ownKeys: () => [...names, ...Reflect.ownKeys(target)],
    getOwnPropertyDescriptor: (_, key) =>
      typeof key === 'string' && names.has(key)
        ? { configurable: true, enumerable: true, value: proxy, writable: true }
        : Reflect.getOwnPropertyDescriptor(target, key),
    set: () => true,
    apply: () => proxy,
    construct: () => proxy,
  };
  const proxy = new Proxy(target, handler);
  return proxy;
}

function context(root) {
  const memento = { get: () => undefined, update: async () => {}, keys: () => [] };
  const uri = (p) => ({ fsPath: p, path: p, scheme: 'file' });
  return {
    subscriptions: [],
    extensionUri: uri(root),
    extensionPath: root,
    extension: { packageJSON: JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')), id: 'ros-env-doctor.ros-env-doctor' },
    globalState: memento,
    workspaceState: memento,
    globalStorageUri: uri(tmpdir()),
    logUri: uri(tmpdir()),
    asAbsolutePath: (relative) => path.join(root, relative),
  };
}

const vscode = standIn();
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  return request === 'vscode' ? vscode : originalLoad.call(this, request, parent, isMain);
};

const root = path.resolve(path.dirname(bundle), '..');
const times = [];
const bodies = [];
for (let i = 0; i < rounds + 1; i++) {
  delete require.cache[bundle];
  const ctx = context(root);
  const started = performance.now();
  const api = require(bundle).activate(ctx);
  const ms = performance.now() - started;
  for (const disposable of ctx.subscriptions) disposable.dispose();
  if (i === 0) continue; // the first round also reads the file from disk and warms the compile cache
  times.push(ms);
  if (api && typeof api.activationMs === 'number') bodies.push(api.activationMs);
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
process.stdout.write(`${JSON.stringify({ ms: median(times), activateBodyMs: bodies.length ? median(bodies) : null })}\n`);
// activate() started background work (timers, watchers) on the stand-in; nothing of it is being measured.
process.exit(0);

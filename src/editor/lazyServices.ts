// The engine (workspace detection, prober, rules, execa, yaml, the XML parser) is most of the extension's code.
// It lives in its own bundle, dist/engine.js, loaded the first time something asks for it, so activation only
// loads the thin editor layer.
import * as os from 'node:os';
import * as path from 'node:path';
import type { Logger } from '../core/ports';
import type { DoctorServices } from './services';

type EngineModule = typeof import('./nodeServices');

/** DoctorServices whose implementation is loaded on first use. */
export function lazyDoctorServices(load: () => DoctorServices): DoctorServices {
  let loaded: DoctorServices | undefined;
  const services = (): DoctorServices => (loaded ??= load());
  // Asynchronous calls load the engine on a later turn of the event loop, never inside the caller's turn:
  // activate() starts background work, and must not pay for the engine itself.
  const later = (): Promise<DoctorServices> =>
    loaded !== undefined ? Promise.resolve(loaded) : new Promise((resolve, reject) => setImmediate(() => {
      try {
        resolve(services());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }));
  return {
    // A file system whose calls, like every other, load the engine on a later turn.
    fs: {
      readFile: async (file, maxBytes) => (await later()).fs.readFile(file, maxBytes),
      readDir: async (dir) => (await later()).fs.readDir(dir),
      stat: async (file) => (await later()).fs.stat(file),
      realPath: async (file) => (await later()).fs.realPath(file),
    },
    home: os.homedir(),
    detectWorkspace: async (folder) => (await later()).detectWorkspace(folder),
    captureEnvironment: async (request) => (await later()).captureEnvironment(request),
    resolveInterpreter: async (file, source, env, cwd) => (await later()).resolveInterpreter(file, source, env, cwd),
    discoverInterpreters: async (request) => (await later()).discoverInterpreters(request),
    rosInstalls: async () => (await later()).rosInstalls(),
    diagnose: async (request) => (await later()).diagnose(request),
    forgetProbes: () => services().forgetProbes(),
    // Nothing has run before the engine is loaded.
    processesSpawned: () => (loaded === undefined ? 0 : loaded.processesSpawned()),
    reportMarkdown: (diagnosis) => services().reportMarkdown(diagnosis),
  };
}

/** The engine bundle next to this one (dist/engine.js), built from src/editor/nodeServices.ts. */
export function engineServices(logger: Logger, bundleDir: string = __dirname): DoctorServices {
  return lazyDoctorServices(() => {
    // A path esbuild does not follow: the engine must stay out of dist/extension.js.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const engine = require(path.join(bundleDir, 'engine.js')) as EngineModule;
    return engine.createNodeDoctorServices(logger);
  });
}

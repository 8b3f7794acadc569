// The engine (workspace detection, prober, rules, execa, yaml, the XML parser) is most of the extension's code.
// It lives in its own bundle, dist/engine.js, loaded the first time something asks for it, so activation only
// loads the thin editor layer.
import * as path from 'node:path';
import type { Logger } from '../core/ports';
import type { DoctorServices } from './services';

type EngineModule = typeof import('./nodeServices');

/** DoctorServices whose implementation is loaded on first use. */
export function lazyDoctorServices(load: () => DoctorServices): DoctorServices {
  let loaded: DoctorServices | undefined;
  const services = (): DoctorServices => (loaded ??= load());
  return {
    get fs() {
      return services().fs;
    },
    get home() {
      return services().home;
    },
    detectWorkspace: (folder) => services().detectWorkspace(folder),
    captureEnvironment: (request) => services().captureEnvironment(request),
    resolveInterpreter: (file, source, env, cwd) => services().resolveInterpreter(file, source, env, cwd),
    discoverInterpreters: (request) => services().discoverInterpreters(request),
    rosInstalls: () => services().rosInstalls(),
    diagnose: (request) => services().diagnose(request),
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
    const engine = require(path.join(bundleDir, 'engine.js')) as EngineModule;
    return engine.createNodeDoctorServices(logger);
  });
}

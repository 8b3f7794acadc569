// The engine (workspace detection, prober, rules, execa, yaml, the XML parser) is most of the extension's code.
// It lives in its own bundle, dist/engine.js (src/node/engine.ts), loaded as one object the first time something
// asks for it, so activation only loads the thin editor layer.
import * as os from 'node:os';
import * as path from 'node:path';
import type { Logger } from '../core/ports';
import type { Engine } from '../node/engine';

type EngineModule = typeof import('../node/engine');

export interface LazyEngine {
  /** The engine, loaded on a later turn of the event loop the first time: activate() must not pay for it. */
  get(): Promise<Engine>;
  /** The engine if something has loaded it already (nothing has run before that). */
  loaded(): Engine | undefined;
}

export function lazyEngine(load: () => Engine): LazyEngine {
  let engine: Engine | undefined;
  let loading: Promise<Engine> | undefined;
  return {
    get() {
      if (engine !== undefined) return Promise.resolve(engine);
      loading ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => (engine ??= load()));
      return loading;
    },
    loaded: () => engine,
  };
}

/** The engine bundle next to this one (dist/engine.js). */
export function engineBundle(logger: Logger, bundleDir: string = __dirname): LazyEngine {
  return lazyEngine(() => {
    // A path esbuild does not follow: the engine must stay out of dist/extension.js.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(path.join(bundleDir, 'engine.js')) as EngineModule;
    // Leave a core to the editor, but never fewer than two lanes: the costliest import (torch) then runs alone while
    // the node's other imports share the second process, so the first answer costs about that import, not the sum.
    return module.createEngine({ logger, concurrency: Math.max(2, os.availableParallelism() - 1) });
  });
}

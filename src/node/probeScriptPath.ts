// Where python/probe.py is: next to the bundle when shipped (dist/*.js), in the source tree when run through tsx.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Candidate locations, nearest first, for code running in `fromDir` (dist/ of the bundle, or src/node/ under tsx). */
export function probeScriptCandidates(fromDir: string = __dirname): readonly string[] {
  return [
    resolve(fromDir, '..', 'python', 'probe.py'), // dist/extension.js, dist/cli.js
    resolve(fromDir, '..', '..', 'python', 'probe.py'), // src/node/probeScriptPath.ts
  ];
}

/** The probe script to run: the one found, else the nearest candidate (running it then fails loudly, naming the path). */
export function probeScriptPath(fromDir: string = __dirname): string {
  const candidates = probeScriptCandidates(fromDir);
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0] ?? 'python/probe.py';
}

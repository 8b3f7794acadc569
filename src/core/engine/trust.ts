// Checking a workspace one does not trust (a pull request in CI): the engine (src/node/engine.ts, trusted: false)
// runs no interpreter inside it and sources none of its setup scripts; these helpers add what the CLI needs on top:
// PYTHONPATH entries into it are dropped (Python would run a sitecustomize.py or .pth file found there), and what
// was skipped is reported as one info finding. The editor's untrusted mode goes further and runs nothing at all.
import type { Finding } from '../findings/finding';
import type { InterpreterRef } from '../interpreters/interpreter';

export interface TrustBoundary {
  /** Folders whose contents are untrusted: the workspace root (and the folder given, when no workspace was found). */
  readonly roots: readonly string[];
}

export interface Skipped {
  readonly path: string;
  /** What it was and why it matters: "interpreter (a workspace venv)", "setup script", "PYTHONPATH entry". */
  readonly what: string;
}

export function insideWorkspace(path: string, boundary: TrustBoundary): boolean {
  return boundary.roots.some((root) => {
    const base = root.endsWith('/') ? root.slice(0, -1) : root;
    return path === base || path.startsWith(`${base}/`);
  });
}

/** An interpreter runs workspace code when its path or its real path is inside (a venv's bin/python links out). */
export function runsWorkspaceCode(ref: InterpreterRef, boundary: TrustBoundary): boolean {
  return insideWorkspace(ref.path, boundary) || (ref.realPath !== '' && insideWorkspace(ref.realPath, boundary));
}

/** The environment without PYTHONPATH entries inside the workspace; the dropped entries are reported. */
export function withoutWorkspacePythonPath(
  vars: Readonly<Record<string, string>>,
  boundary: TrustBoundary,
  skipped: Skipped[],
): Record<string, string> {
  const result: Record<string, string> = { ...vars };
  const value = vars.PYTHONPATH;
  if (value === undefined) return result;
  const kept: string[] = [];
  for (const entry of value.split(':')) {
    // An empty entry is the current directory: the probe runs in a private one, never the workspace.
    if (entry !== '' && insideWorkspace(entry, boundary)) skipped.push({ path: entry, what: 'PYTHONPATH entry (not put on sys.path)' });
    else kept.push(entry);
  }
  if (kept.length === 0) delete result.PYTHONPATH;
  else result.PYTHONPATH = kept.join(':');
  return result;
}

export function untrustedSkippedFinding(skipped: readonly Skipped[]): Finding {
  const unique = [...new Map(skipped.map((entry) => [`${entry.what}\u0000${entry.path}`, entry])).values()];
  return {
    code: 'untrusted-skipped',
    severity: 'info',
    message:
      unique.length === 0
        ? 'Checked as untrusted (--untrusted): nothing inside the workspace needed to be run or sourced'
        : `Checked as untrusted (--untrusted): ${unique.length} thing${unique.length === 1 ? '' : 's'} inside the workspace ${unique.length === 1 ? 'was' : 'were'} not run or sourced, so what depends on ${unique.length === 1 ? 'it' : 'them'} was not checked`,
    detail: unique.length === 0 ? null : unique.map((entry) => `${entry.what}: ${entry.path}`).join('\n'),
    location: null,
    related: [],
    fixes: [{ kind: 'openDocs', title: 'Read about untrusted-skipped', anchor: 'untrusted-skipped' }],
    interpreter: null,
    module: null,
  };
}

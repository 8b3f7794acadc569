// The editor's Run/Debug: a `.vscode/launch.json` configuration that runs a node may name its own `python`, `env`
// and `envFile`, so Run/Debug runs another interpreter, or the same in another environment, than the selection.
// Parsed with jsonc-parser (comments and trailing commas are allowed there), never evaluated.
import { posix as path } from 'node:path';
import { findNodeAtLocation, parse, parseTree, type ParseError } from 'jsonc-parser';
import type { SourceRange } from '../findings/finding';
import type { FileSystem } from '../ports';
import type { ScannedSource } from '../rules/ruleInput';
import type { Workspace } from '../workspace/workspace';
import type { LaunchPath, LaunchRunner } from './launchPath';

interface RawConfiguration {
  readonly name?: unknown;
  readonly type?: unknown;
  readonly request?: unknown;
  readonly program?: unknown;
  readonly python?: unknown;
  readonly env?: unknown;
  readonly envFile?: unknown;
}

const PYTHON_TYPES = new Set(['python', 'debugpy']);

function substitute(value: string, root: string): string {
  return value.replaceAll('${workspaceFolder}', root).replaceAll('${workspaceRoot}', root);
}

/** KEY=VALUE lines as the Python debugger reads an envFile; comments and blank lines skipped, quotes removed. */
export function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1] === undefined || line.trimStart().startsWith('#')) continue;
    const raw = match[2] ?? '';
    vars[match[1]] = /^(['"]).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
  }
  return vars;
}

/** The configurations of a launch.json text that launch a Python program; [] for text that is no launch.json. */
export function pythonConfigurations(text: string): { readonly config: RawConfiguration; readonly index: number }[] {
  const errors: ParseError[] = [];
  const document: unknown = parse(text, errors, { allowTrailingComma: true });
  if (typeof document !== 'object' || document === null) return [];
  const configurations = (document as { configurations?: unknown }).configurations;
  if (!Array.isArray(configurations)) return [];
  return configurations.flatMap((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const config = entry as RawConfiguration;
    const launches =
      typeof config.type === 'string' && PYTHON_TYPES.has(config.type) && config.request === 'launch' && typeof config.program === 'string';
    return launches ? [{ config, index }] : [];
  });
}

function stringRecord(value: unknown, root: string): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([key, text]) => [key, substitute(text, root)]),
  );
}

/** Where the `python` value of the index-th configuration sits (quotes included), for an edit of it. */
export function pythonValueRange(file: string, text: string, index: number): SourceRange | null {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const node = tree === undefined ? undefined : findNodeAtLocation(tree, ['configurations', index, 'python']);
  if (node === undefined) return null;
  const at = (offset: number): { line: number; column: number } => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1]?.length ?? 0 };
  };
  const start = at(node.offset);
  const end = at(node.offset + node.length);
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export async function editorLaunchPaths(fs: FileSystem, workspace: Workspace, sources: readonly ScannedSource[]): Promise<LaunchPath[]> {
  const file = path.join(workspace.root, '.vscode', 'launch.json');
  const text = await fs.readFile(file);
  if (text === undefined) return [];
  const nodes = sources.filter((source) => source.role === 'node');
  const paths = await Promise.all(
    pythonConfigurations(text).map(async ({ config, index }): Promise<LaunchPath[]> => {
      const program = substitute(String(config.program), workspace.root);
      // `${file}` runs whatever file is open: it applies to every node.
      const targets = program === '${file}' ? nodes : nodes.filter((node) => node.path === path.resolve(workspace.root, program));
      const python =
        typeof config.python === 'string' && !config.python.startsWith('${command:') ? substitute(config.python, workspace.root) : null;
      const envFileText =
        typeof config.envFile === 'string'
          ? await fs.readFile(path.resolve(workspace.root, substitute(config.envFile, workspace.root)))
          : undefined;
      const overrides = { ...(envFileText === undefined ? {} : parseEnvFile(envFileText)), ...stringRecord(config.env, workspace.root) };
      // A configuration that changes nothing runs the selected interpreter as it is: nothing more to check.
      if (python === null && Object.keys(overrides).length === 0) return [];
      const runner: LaunchRunner = python === null ? { kind: 'selected' } : { kind: 'interpreter', path: python };
      const name = typeof config.name === 'string' ? config.name : program;
      return targets.map((node) => ({
        kind: 'editor',
        file: node.path,
        packageName: node.packageName,
        command: `Run/Debug "${name}"`,
        script: file,
        shebang: null,
        runner,
        environment: { overrides },
        declaredAt: python === null ? null : pythonValueRange(file, text, index),
      }));
    }),
  );
  return paths.flat();
}

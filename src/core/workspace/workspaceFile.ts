// Reading a file of the workspace, which the doctor did not write: only a regular file (a link to one is that file;
// catkin links src/CMakeLists.txt into the ROS installation and --symlink-install links whole trees), and only up to
// a size per kind of file. Anything else is skipped with a problem the user sees as a finding on the file.
import type { FileSystem } from '../ports';
import type { WorkspaceProblem } from './workspaceProblem';

const MB = 1024 * 1024;

/** Real package.xml files are a few KB, setup.py/CMakeLists.txt tens of KB, a large generated module a few MB. */
export const SIZE_LIMITS = {
  manifest: 1 * MB,
  build: 2 * MB,
  python: 5 * MB,
} as const;

export type WorkspaceFileKind = keyof typeof SIZE_LIMITS;

export type WorkspaceRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'skipped'; readonly problem: WorkspaceProblem };

export async function readWorkspaceFile(fs: FileSystem, file: string, kind: WorkspaceFileKind): Promise<WorkspaceRead> {
  const limit = SIZE_LIMITS[kind];
  // The port refuses, on the opened file, what is not a regular file (a link to one is that file) or is larger than
  // the limit: a stat first would only repeat that check (5,500 of them in a 2,000-package workspace). The stat
  // comes after a refusal, to say why.
  const text = await fs.readFile(file, limit);
  if (text !== undefined) return { kind: 'text', text };
  // stat follows links: a link to /dev/zero is 'other'.
  const stat = await fs.stat(file);
  if (stat === undefined || stat.kind === 'directory') return { kind: 'absent' };
  if (stat.kind !== 'file') return { kind: 'skipped', problem: { kind: 'not-regular-file', path: file } };
  if (stat.size > limit) return { kind: 'skipped', problem: { kind: 'file-too-large', path: file, size: stat.size, limit } };
  // A regular file within the limit that could not be read (no permission, or removed meanwhile).
  return { kind: 'absent' };
}

/** The text, or undefined; a skipped file's problem is handed to `report`. */
export async function readOrReport(
  fs: FileSystem,
  file: string,
  kind: WorkspaceFileKind,
  report: (problem: WorkspaceProblem) => void,
): Promise<string | undefined> {
  const read = await readWorkspaceFile(fs, file, kind);
  if (read.kind === 'skipped') report(read.problem);
  return read.kind === 'text' ? read.text : undefined;
}

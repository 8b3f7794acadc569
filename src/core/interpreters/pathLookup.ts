// Finding a command the way a shell would (execvp), through the FileSystem port.
import * as path from 'node:path';
import type { FileSystem } from '../ports';

/** PATH split into its directories, in order; empty entries (meaning the working directory) are dropped. */
export function splitPathVariable(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(path.delimiter).filter((dir) => dir !== '');
}

export async function isExecutableFile(file: string, fs: FileSystem): Promise<boolean> {
  const stat = await fs.stat(file);
  return stat !== undefined && stat.kind === 'file' && stat.executable;
}

/**
 * The first executable regular file named `command` in `pathDirs`, or null. An absolute command is returned as it
 * is when it is executable; a relative one with a slash is never looked up (there is no working directory here).
 */
export async function findOnPath(command: string, pathDirs: readonly string[], fs: FileSystem): Promise<string | null> {
  if (command === '') return null;
  if (command.includes('/')) {
    return path.isAbsolute(command) && (await isExecutableFile(command, fs)) ? command : null;
  }
  for (const dir of pathDirs) {
    if (dir === '' || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, command);
    if (await isExecutableFile(candidate, fs)) return candidate;
  }
  return null;
}

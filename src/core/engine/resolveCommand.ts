// Finds what a shebang's command runs, the way the kernel and /usr/bin/env would, through the FileSystem port.
import * as path from 'node:path';
import type { FileSystem } from '../ports';
import type { Shebang } from '../scan/importSite';

export async function findExecutableOnPath(command: string, pathDirs: readonly string[], fs: FileSystem): Promise<string | null> {
  if (command.includes('/')) return (await isExecutableFile(command, fs)) ? command : null;
  for (const dir of pathDirs) {
    if (dir === '') continue;
    const candidate = path.join(dir, command);
    if (await isExecutableFile(candidate, fs)) return candidate;
  }
  return null;
}

export function resolveShebang(shebang: Shebang, pathDirs: readonly string[], fs: FileSystem): Promise<string | null> {
  return findExecutableOnPath(shebang.command, shebang.viaEnv ? pathDirs : [], fs);
}

async function isExecutableFile(candidate: string, fs: FileSystem): Promise<boolean> {
  const stat = await fs.stat(candidate);
  return stat !== undefined && stat.kind === 'file' && stat.executable;
}

export function splitPath(pathVariable: string | undefined): string[] {
  return (pathVariable ?? '').split(path.delimiter).filter((dir) => dir !== '');
}

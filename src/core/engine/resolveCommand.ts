// What a shebang runs: the kernel runs an absolute interpreter as is; `/usr/bin/env X` looks X up on PATH.
import type { FileSystem } from '../ports';
import type { Shebang } from '../scan/importSite';
import { findOnPath } from '../interpreters/pathLookup';

export function resolveShebang(shebang: Shebang, pathDirs: readonly string[], fs: FileSystem): Promise<string | null> {
  return findOnPath(shebang.command, shebang.viaEnv ? pathDirs : [], fs);
}

// Keeps the probe cache between CLI runs, so asking again with nothing changed spawns no process.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProbeCache } from '../core/probe/probeCache';

export function probeCacheFile(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'ros-env-doctor', 'probes.json');
}

/** Loads what an earlier run saved; a missing or unreadable file just means an empty cache. */
export async function loadProbeCache(cache: ProbeCache, file: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return;
  }
  try {
    cache.load(JSON.parse(text) as unknown);
  } catch {
    // A corrupt cache file is only a cache: the next save replaces it.
  }
}

export async function saveProbeCache(cache: ProbeCache, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify(cache.toJSON()));
    await rename(temporary, file);
  } catch (error) {
    // A failed save (the path is a folder, the disk is full) leaves nothing behind but the old cache.
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}

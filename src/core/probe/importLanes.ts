// Which modules share a process. One process per module costs an interpreter start-up and every shared
// dependency (numpy under torch, cv_bridge and cv2) once per module, and on a machine with fewer free cores than
// modules those processes only queue. So the imports of one interpreter run in at most `slots` processes ("lanes"),
// each importing its modules one after the other: the costliest module alone in the first lane when there are two
// or more, the rest spread so that no lane takes longer than it. A lane's first module imports into a fresh
// process, exactly as alone; see prober.ts for what a later module's result is trusted for.
import { importCost, isKnownCost } from './importCost';

/** Lanes in the order they should start, each a list of modules in the order they are imported (costliest first). */
export function importLanes(modules: readonly string[], slots: number): string[][] {
  const sorted = [...modules].sort((a, b) => importCost(b) - importCost(a));
  const count = Math.max(1, Math.min(Math.floor(slots), sorted.length));
  const lanes: string[][] = Array.from({ length: count }, () => []);
  const totals: number[] = lanes.map(() => 0);
  // Longest first onto the least loaded lane: within 4/3 of the best split, and the costliest module starts at once.
  for (const module of sorted) {
    let target = 0;
    for (let index = 1; index < count; index++) if ((totals[index] ?? 0) < (totals[target] ?? 0)) target = index;
    lanes[target]?.push(module);
    totals[target] = (totals[target] ?? 0) + importCost(module);
  }
  return lanes.filter((lane) => lane.length > 0);
}

/**
 * The import that starts beside the facts pass instead of after it, or undefined. The answer waits for the slowest
 * lane, and the costliest module running alone in its lane is that lane: starting it at once takes the facts pass
 * (~50–130 ms) off the answer. Only when a second slot is free for the facts pass and the other lanes, and only for a
 * module of known cost: whether a module is in the standard library or installed at all is what the facts pass
 * tells, and an unknown module's early process would more often be thrown away. The other modules then share the
 * remaining `slots - 1` lanes (importLanes).
 */
export function headStart(modules: readonly string[], slots: number): string | undefined {
  if (slots < 2) return undefined;
  const [first] = importLanes(modules, slots);
  const module = first?.length === 1 ? first[0] : undefined;
  return module !== undefined && isKnownCost(module) ? module : undefined;
}

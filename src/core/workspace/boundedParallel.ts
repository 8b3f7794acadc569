// Runs file-system work in parallel without flooding the thread pool: at most `limit` tasks at a time.

export async function mapBounded<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  const workers: Promise<void>[] = [];
  for (let i = 0; i < Math.min(limit, items.length); i++) workers.push(worker());
  await Promise.all(workers);
  return results;
}

/**
 * Breadth-first work list: `visit` handles one item and returns the items it discovered. At most `limit` visits run
 * at once; stops taking new items once `maxItems` have been visited (the return value says whether it had to).
 */
export async function walkBounded<T>(
  initial: readonly T[],
  limit: number,
  maxItems: number,
  visit: (item: T) => Promise<readonly T[]>,
): Promise<{ visited: number; truncated: boolean }> {
  const queue: T[] = [...initial];
  let head = 0;
  let visited = 0;
  let active = 0;
  let truncated = false;
  return new Promise((resolve, reject) => {
    const pump = (): void => {
      while (active < limit && head < queue.length) {
        if (visited >= maxItems) {
          truncated = true;
          head = queue.length;
          break;
        }
        const item = queue[head++] as T;
        visited++;
        active++;
        visit(item).then(
          (found) => {
            active--;
            for (const entry of found) queue.push(entry);
            // Drop consumed items now and then so a huge walk does not keep them all alive.
            if (head > 4096) {
              queue.splice(0, head);
              head = 0;
            }
            pump();
          },
          // What the visitor threw goes to the caller unchanged.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          (error: unknown) => reject(error),
        );
      }
      if (active === 0 && head >= queue.length) resolve({ visited, truncated });
    };
    pump();
  });
}

// The runner's half of the screenshot protocol (see requestScreenshot.ts): polls the request folder
// and answers each `request-<name>` with a page screenshot and a `done-<name>` file.
import { readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export type ScreenshotWatcher = { readonly stop: () => Promise<void>; readonly taken: readonly string[] };

export function watchScreenshotRequests(page: Page, requestDir: string, outputDir: string, log: (line: string) => void): ScreenshotWatcher {
  const taken: string[] = [];
  let running = true;
  const loop = (async () => {
    await mkdir(outputDir, { recursive: true });
    while (running) {
      let entries: string[] = [];
      try {
        entries = await readdir(requestDir);
      } catch {
        // The folder is made by the harness; gone only after the run.
      }
      for (const entry of entries.filter((e) => e.startsWith('request-'))) {
        const name = entry.slice('request-'.length);
        const path = join(outputDir, `${name}.png`);
        await rm(join(requestDir, entry), { force: true });
        try {
          await page.screenshot({ path, timeout: 10_000 });
          taken.push(path);
          log(`[screenshot] ${path}`);
        } catch (error) {
          log(`[screenshot] ${name} failed: ${String(error)}`);
        }
        await writeFile(join(requestDir, `done-${name}`), path);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    taken,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

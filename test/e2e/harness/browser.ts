// Debian's headless Chromium driven by playwright-core: it opens the workbench, which is what makes
// code-server start an extension host at all.
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { isolatedEnv } from './codeServer';

export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type BrowserSession = {
  readonly browser: BrowserContext;
  readonly page: Page;
  readonly close: () => Promise<void>;
};

export async function launchBrowser(options: {
  readonly executablePath: string;
  readonly runDir: string;
  readonly viewport: { readonly width: number; readonly height: number };
  readonly log: (line: string) => void;
}): Promise<BrowserSession> {
  // A persistent context gives Chromium a fresh --user-data-dir of ours, inside the run folder.
  const context = await chromium.launchPersistentContext(join(options.runDir, 'chromium-profile'), {
    executablePath: options.executablePath,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: { ...options.viewport },
    env: isolatedEnv(options.runDir, {}),
    timeout: 30_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    const text = message.text();
    // Known noise of an offline code-server (E2E.md): vsda and the gallery host.
    if (/vsda|marketplace|gallery|ERR_NAME_NOT_RESOLVED/i.test(text)) return;
    options.log(`[browser ${message.type()}] ${text}`);
  });
  page.on('pageerror', (error) => options.log(`[browser pageerror] ${error.message}`));
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= context.close().catch((error: unknown) => options.log(`[browser] close failed: ${String(error)}`));
    return closed;
  };
  return { browser: context, page, close };
}

import { rm } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumArgs, ensureChromium } from './chromium.ts';
import { makeDataDir, startPlatform } from './platform.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    browserEndpoint: string;
    /** The platform's data folder: mail without SMTP lands in `<dataDir>/outbox/*.eml`. */
    dataDir: string;
  }
}

/** One running platform and one browser for every browser test file. */
export default async function setup(project: TestProject) {
  const executablePath = ensureChromium();
  const dataDir = await makeDataDir('e2e');
  const [{ platform }, browser] = await Promise.all([
    startPlatform(dataDir),
    chromium.launchServer({ executablePath, args: chromiumArgs, headless: true }),
  ]);
  project.provide('baseUrl', platform.baseUrl);
  project.provide('browserEndpoint', browser.wsEndpoint());
  project.provide('dataDir', dataDir);
  return async () => {
    await browser.close();
    await platform.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

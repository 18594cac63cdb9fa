import type { TestProject } from 'vitest/node';
import { buildWebIfStale } from '../web/build-if-stale.js';
import { startServer } from './support/server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the web app when its sources changed, then starts one server for all the browser tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildWebIfStale();
  const server = await startServer();
  project.provide('baseUrl', server.url);
  return server.stop;
}

/**
 * Reads started before the view that needs them has rendered (the first view's data, right after the session
 * check), handed over once to the view's loader. An entry not taken within a few seconds is dropped, so a view
 * opened later reads afresh.
 */
const TTL_MS = 10_000;
const started = new Map<string, { at: number; promise: Promise<unknown> }>();

export function warmUp<T>(key: string, loader: () => Promise<T>): Promise<T> {
  const found = started.get(key);
  if (found && Date.now() - found.at < TTL_MS) return found.promise as Promise<T>;
  const promise = loader();
  // Nobody may take it: a failure must not become an unhandled rejection (the taker still sees it).
  promise.catch(() => {});
  started.set(key, { at: Date.now(), promise });
  return promise;
}

/** The read started for `key`, taken (once), or a fresh one. */
export function warmed<T>(key: string, loader: () => Promise<T>): Promise<T> {
  const found = started.get(key);
  started.delete(key);
  return found && Date.now() - found.at < TTL_MS ? (found.promise as Promise<T>) : loader();
}

import type { Db } from '../store/db.js';
import { refreshQueued } from './refresh-queued.js';

export interface RefresherOptions {
  /** How long after a request the refresh starts, so that a burst of writes is refreshed once. */
  delayMs?: number;
  /** A refresh that failed (its queue stays; the next request takes it up again). */
  onError?: (error: unknown) => void;
}

/**
 * Keeps a server's indicators fresh. After each write of records (a FHIR create, update or bundle, an
 * import) `request()` schedules `refresh` (src/app/refresh-queued.ts) `delayMs` later; a request while a
 * refresh runs schedules one more after it, never two at once. A refresh that answers `true` left work it
 * could not do yet (a county another transaction holds): it runs again `delayMs` later.
 */
export class IndicatorRefresher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly refresh: () => Promise<boolean | void>,
    private readonly options: RefresherOptions = {},
  ) {}

  request(): void {
    if (this.stopped || this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.timer = setTimeout(() => this.run(), this.options.delayMs ?? 1000);
    // A server that is otherwise done must not be kept alive for a refresh: the queue keeps the work.
    this.timer.unref();
  }

  /** Resolves when no refresh is scheduled or running. */
  idle(): Promise<void> {
    if (!this.timer && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** No more refreshes; waits for one under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.again = false;
    await this.running;
    this.settle();
  }

  private run(): void {
    this.timer = null;
    this.running = this.refresh().then(
      (left) => {
        if (left === true) this.again = true;
      },
      (error: unknown) => this.options.onError?.(error),
    );
    void this.running.finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.request();
      }
      this.settle();
    });
  }

  private settle(): void {
    if (this.timer || this.running) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

/** A server's refresher over `db`: every county with queued work; one another transaction holds, later. */
export function refresherFor(db: Db, options: RefresherOptions = {}): IndicatorRefresher {
  return new IndicatorRefresher(
    async () => (await refreshQueued(db, { skipBusy: true })).busy.length > 0,
    options,
  );
}

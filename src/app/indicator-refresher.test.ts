import { describe, expect, it } from 'vitest';
import { IndicatorRefresher } from './indicator-refresher.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A refresh that records when it ran and takes `ms`. */
function fakeRefresh(ms = 20) {
  const log: string[] = [];
  let n = 0;
  const refresh = async () => {
    const k = ++n;
    log.push(`start ${k}`);
    await sleep(ms);
    log.push(`end ${k}`);
  };
  return { log, refresh };
}

describe('IndicatorRefresher', () => {
  it('refreshes once for a burst of requests', async () => {
    const { log, refresh } = fakeRefresh();
    const refresher = new IndicatorRefresher(refresh, { delayMs: 10 });
    refresher.request();
    refresher.request();
    refresher.request();
    await refresher.idle();
    expect(log).toEqual(['start 1', 'end 1']);
  });

  it('runs one more refresh after requests that came while one ran, never two at once', async () => {
    const { log, refresh } = fakeRefresh(30);
    const refresher = new IndicatorRefresher(refresh, { delayMs: 0 });
    refresher.request();
    await sleep(10); // the first is running
    refresher.request();
    refresher.request();
    await refresher.idle();
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('runs again later when a refresh left work it could not do yet', async () => {
    let calls = 0;
    const refresher = new IndicatorRefresher(async () => ++calls < 3, { delayMs: 0 });
    refresher.request();
    await refresher.idle();
    expect(calls).toBe(3);
  });

  it('reports a failed refresh and refreshes again on the next request', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const refresher = new IndicatorRefresher(
      async () => {
        if (++calls === 1) throw new Error('connection lost');
      },
      { delayMs: 0, onError: (e) => errors.push(e) },
    );
    refresher.request();
    await refresher.idle();
    refresher.request();
    await refresher.idle();
    expect(calls).toBe(2);
    expect(errors.map((e) => (e as Error).message)).toEqual(['connection lost']);
  });

  it('stops: a scheduled refresh does not run, one under way is waited for', async () => {
    const { log, refresh } = fakeRefresh(30);
    const refresher = new IndicatorRefresher(refresh, { delayMs: 0 });
    refresher.request();
    await sleep(10);
    refresher.request(); // would run after the first
    await refresher.stop();
    expect(log).toEqual(['start 1', 'end 1']);
    refresher.request();
    await sleep(20);
    expect(log).toEqual(['start 1', 'end 1']);
  });
});

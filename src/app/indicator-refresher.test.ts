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

  it('on one connection, keeps a refresh out of an exclusive section and the section out of a refresh', async () => {
    const { log, refresh } = fakeRefresh(30);
    const refresher = new IndicatorRefresher(refresh, { delayMs: 0, oneConnection: true });
    const section = refresher.exclusive(async () => {
      log.push('import begins');
      refresher.request();
      await sleep(40);
      log.push('import ends');
      return 7;
    });
    expect(await section).toBe(7);
    await refresher.idle();
    refresher.request();
    await sleep(10); // the refresh is running: the next section waits for it
    await refresher.exclusive(async () => log.push('second import'));
    expect(log).toEqual([
      'import begins',
      'import ends',
      'start 1',
      'end 1',
      'start 2',
      'end 2',
      'second import',
    ]);
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

  it('with connections of their own, runs an exclusive section at once, beside a refresh', async () => {
    const { log, refresh } = fakeRefresh(30);
    const refresher = new IndicatorRefresher(refresh, { delayMs: 0 });
    refresher.request();
    await sleep(10);
    await refresher.exclusive(async () => log.push('import'));
    await refresher.idle();
    expect(log).toEqual(['start 1', 'import', 'end 1']);
  });

  it('a failed exclusive section does not block what comes after', async () => {
    const refresher = new IndicatorRefresher(async () => {}, { delayMs: 0, oneConnection: true });
    await expect(
      refresher.exclusive(async () => {
        throw new Error('bad file');
      }),
    ).rejects.toThrow('bad file');
    expect(await refresher.exclusive(async () => 'next')).toBe('next');
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

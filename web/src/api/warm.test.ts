import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmed, warmUp } from './warm';

afterEach(() => vi.useRealTimers());

describe('warm reads', () => {
  it('hands a started read over once, then reads afresh', async () => {
    const loader = vi.fn(async () => 'plans');
    void warmUp('plans', loader);
    void warmUp('plans', loader);
    expect(await warmed('plans', loader)).toBe('plans');
    expect(loader).toHaveBeenCalledTimes(1);
    await warmed('plans', loader);
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('drops a read nobody took in time', async () => {
    vi.useFakeTimers();
    const loader = vi.fn(async () => 1);
    void warmUp('regions', loader);
    vi.advanceTimersByTime(10_001);
    await warmed('regions', loader);
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('passes a failure to the view that takes it', async () => {
    void warmUp('broken', () => Promise.reject(new Error('down')));
    await expect(warmed('broken', async () => 'never')).rejects.toThrow('down');
  });
});

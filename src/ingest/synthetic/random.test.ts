import { describe, expect, it } from 'vitest';
import { Random, cumulative, pickWeighted } from './random.js';

describe('Random', () => {
  it('repeats its sequence for the same keys and differs for others', () => {
    const draw = (...keys: number[]) => {
      const r = new Random(...keys);
      return Array.from({ length: 5 }, () => r.uint32());
    };
    expect(draw(42, 7)).toEqual(draw(42, 7));
    expect(draw(42, 7)).not.toEqual(draw(42, 8));
    expect(draw(42, 7)).not.toEqual(draw(43, 7));
    expect(draw(1, 2)).not.toEqual(draw(2, 1));
  });

  it('is uniform enough: mean 0.5, ints cover the range evenly', () => {
    const r = new Random(1);
    let sum = 0;
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      sum += r.next();
      counts[r.int(10)]!++;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('draws gamma values with mean and variance equal to the shape', () => {
    for (const shape of [0.6, 2.5]) {
      const r = new Random(5);
      let sum = 0;
      let sum2 = 0;
      for (let i = 0; i < 100_000; i++) {
        const g = r.gamma(shape);
        sum += g;
        sum2 += g * g;
      }
      const mean = sum / 100_000;
      expect(mean).toBeCloseTo(shape, 1);
      expect(sum2 / 100_000 - mean * mean).toBeCloseTo(shape, 1);
    }
  });

  it('draws Poisson and normal values with the right mean and spread', () => {
    const r = new Random(3);
    let p = 0;
    let n = 0;
    let n2 = 0;
    for (let i = 0; i < 50_000; i++) {
      p += r.poisson(5);
      const z = r.normal();
      n += z;
      n2 += z * z;
    }
    expect(p / 50_000).toBeCloseTo(5, 1);
    expect(n / 50_000).toBeCloseTo(0, 1);
    expect(n2 / 50_000).toBeCloseTo(1, 1);
  });

  it('picks in proportion to weights', () => {
    const r = new Random(9);
    const cum = cumulative([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[pickWeighted(r, cum)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeCloseTo(3, 0);
  });
});

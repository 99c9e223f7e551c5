import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';

const draw = (seed: number, n: number): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
  });

  it('pins the sequence, so a change to the algorithm cannot slip through unnoticed', () => {
    // Only 32-bit integer maths and one exact division: these values are the same everywhere.
    const random = createRandom(20250301);
    expect([random.next(), random.next(), random.next()]).toEqual([0.7419488204177469, 0.8451778450980783, 0.2186849385034293]);
    expect(random.int(1, 1000)).toBe(936);
  });

  it('gives different sequences for different seeds, including neighbours and large or negative seeds', () => {
    const sequences = [0, 1, 2, -1, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER].map((seed) => draw(seed, 5).join());
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('refuses seeds that are not safe integers', () => {
    expect(() => createRandom(1.5)).toThrow(RangeError);
    expect(() => createRandom(Number.NaN)).toThrow(RangeError);
  });

  it('stays in [0, 1)', () => {
    for (const value of draw(7, 10_000)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('int covers both ends of the range and nothing outside it', () => {
    const random = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(random.int(-2, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(random.int(5, 5)).toBe(5);
    expect(() => random.int(3, 2)).toThrow(RangeError);
    expect(() => random.int(0.5, 2)).toThrow(RangeError);
  });

  it('chance respects the extremes', () => {
    const random = createRandom(4);
    for (let i = 0; i < 100; i++) {
      expect(random.chance(0)).toBe(false);
      expect(random.chance(1)).toBe(true);
    }
  });

  it('pick returns list items and refuses an empty list', () => {
    const random = createRandom(5);
    const items = ['a', 'b', 'c'] as const;
    for (let i = 0; i < 50; i++) expect(items).toContain(random.pick(items));
    expect(() => random.pick([])).toThrow(RangeError);
  });

  it('weighted never picks a zero weight and roughly follows the weights', () => {
    const random = createRandom(6);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[random.weighted([['a', 1], ['b', 0], ['c', 3]] as const)] += 1;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.5);
    expect(counts.c / counts.a).toBeLessThan(3.5);
    expect(() => random.weighted([['a', 0]])).toThrow(RangeError);
    expect(() => random.weighted([['a', -1]])).toThrow(RangeError);
    expect(() => random.weighted([])).toThrow(RangeError);
  });

  it('shuffle permutes a copy and leaves the input alone', () => {
    const random = createRandom(8);
    const input = Array.from({ length: 20 }, (_, i) => i);
    const frozen = Object.freeze([...input]);
    const shuffled = random.shuffle(frozen);
    expect(frozen).toEqual(input);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(input);
    expect(shuffled).not.toEqual(input);
  });

  it('sample takes distinct items and refuses impossible counts', () => {
    const random = createRandom(9);
    const picked = random.sample(['a', 'b', 'c', 'd', 'e'], 3);
    expect(new Set(picked).size).toBe(3);
    expect(random.sample(['a'], 0)).toEqual([]);
    expect(() => random.sample(['a'], 2)).toThrow(RangeError);
  });

  it('fork gives independent, reproducible streams that do not depend on draws made before', () => {
    const a = createRandom(10);
    const b = createRandom(10);
    b.next();
    b.next();
    expect(a.fork('parks').next()).toBe(b.fork('parks').next());
    expect(createRandom(10).fork('parks').next()).not.toBe(createRandom(10).fork('members').next());
    expect(createRandom(10).fork('parks').next()).not.toBe(createRandom(11).fork('parks').next());
  });
});

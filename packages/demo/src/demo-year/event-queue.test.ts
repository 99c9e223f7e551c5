import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { createEventQueue } from './event-queue.js';

describe('createEventQueue', () => {
  it('pops items in time order, and items at the same time in the order they were pushed', () => {
    const queue = createEventQueue<string>();
    queue.push(new Date('2025-03-03T10:00:00+08:00'), 'c');
    queue.push(new Date('2025-03-03T09:00:00+08:00'), 'a');
    queue.push(new Date('2025-03-03T10:00:00+08:00'), 'd');
    queue.push(new Date('2025-03-03T09:00:00+08:00'), 'b');
    const popped: string[] = [];
    for (let next = queue.pop(); next; next = queue.pop()) popped.push(next.item);
    expect(popped).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.size).toBe(0);
  });

  it('agrees with a stable sort on a random mix of pushes and pops', () => {
    const random = createRandom(11);
    const queue = createEventQueue<number>();
    const reference: { at: number; n: number }[] = [];
    const popped: number[] = [];
    const expected: number[] = [];
    let n = 0;
    for (let step = 0; step < 2000; step++) {
      if (random.chance(0.6) || reference.length === 0) {
        const at = random.int(0, 50);
        queue.push(at, n);
        reference.push({ at, n });
        n++;
      } else {
        reference.sort((a, b) => a.at - b.at || a.n - b.n);
        expected.push((reference.shift() as { n: number }).n);
        popped.push((queue.pop() as { item: number }).item);
      }
    }
    expect(popped).toEqual(expected);
    expect(queue.size).toBe(reference.length);
  });

  it('refuses an invalid time', () => {
    expect(() => createEventQueue<string>().push(new Date('nope'), 'x')).toThrow(RangeError);
  });
});

/**
 * The replay's agenda: actions ordered by the instant they happen. Ties go to the action
 * scheduled first, so two replays with the same seed run the same actions in the same order.
 */

interface Entry<T> {
  at: number;
  seq: number;
  item: T;
}

/** A priority queue of items by time (ms since the epoch), first in first out on ties. */
export interface EventQueue<T> {
  /** Schedules `item` at `at`. */
  push(at: Date | number, item: T): void;
  /** The earliest item and its time, removed from the queue; undefined when empty. */
  pop(): { at: number; item: T } | undefined;
  /** The time of the earliest item, without removing it. */
  peekTime(): number | undefined;
  readonly size: number;
}

const before = <T>(a: Entry<T>, b: Entry<T>): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/**
 * Creates an empty queue: a binary heap, so a year of several thousand actions costs
 * O(log n) per push and pop.
 *
 * @example
 * ```ts
 * const queue = createEventQueue<string>();
 * queue.push(new Date('2025-03-03T09:00:00+08:00'), 'submit');
 * queue.push(new Date('2025-03-03T08:45:00+08:00'), 'tick');
 * queue.pop(); // { at: …, item: 'tick' }
 * ```
 */
export function createEventQueue<T>(): EventQueue<T> {
  const heap: Entry<T>[] = [];
  let seq = 0;

  const swap = (i: number, j: number): void => {
    const tmp = heap[i] as Entry<T>;
    heap[i] = heap[j] as Entry<T>;
    heap[j] = tmp;
  };

  return {
    push(at, item) {
      const time = typeof at === 'number' ? at : at.getTime();
      if (!Number.isFinite(time)) throw new RangeError(`Cannot schedule at an invalid time (${String(at)})`);
      heap.push({ at: time, seq: seq++, item });
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[i] as Entry<T>, heap[parent] as Entry<T>)) break;
        swap(i, parent);
        i = parent;
      }
    },
    pop() {
      const top = heap[0];
      if (top === undefined) return undefined;
      const last = heap.pop() as Entry<T>;
      if (heap.length > 0) {
        heap[0] = last;
        let i = 0;
        for (;;) {
          const left = 2 * i + 1;
          const right = left + 1;
          let smallest = i;
          if (left < heap.length && before(heap[left] as Entry<T>, heap[smallest] as Entry<T>)) smallest = left;
          if (right < heap.length && before(heap[right] as Entry<T>, heap[smallest] as Entry<T>)) smallest = right;
          if (smallest === i) break;
          swap(i, smallest);
          i = smallest;
        }
      }
      return { at: top.at, item: top.item };
    },
    peekTime: () => heap[0]?.at,
    get size() {
      return heap.length;
    },
  };
}

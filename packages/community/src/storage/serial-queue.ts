/**
 * A promise-chain mutex: each task starts only after every task queued before it has settled,
 * whether it resolved or threw. Tasks queued from inside a running task wait for it, so a task
 * must never wait on one it queues itself.
 *
 * @example
 * ```ts
 * const exclusive = createSerialQueue();
 * await Promise.all([exclusive(() => write('a')), exclusive(() => write('b'))]); // a, then b
 * ```
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    // The next task waits for this one to settle but must not inherit its failure.
    tail = run.catch(() => undefined);
    return run;
  };
}

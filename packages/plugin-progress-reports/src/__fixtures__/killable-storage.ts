import type { StorageAdapter, StorageOperations } from '@kechuang/community';

/** A storage call: the operation and the model it names, if any. */
export interface StorageCall {
  operation: string;
  model: string | null;
}

const modelOf = (args: unknown): string | null => {
  if (typeof args !== 'object' || args === null || !('model' in args)) return null;
  return typeof args.model === 'string' ? args.model : null;
};

/**
 * `storage` as seen by a process that can be killed: once `killAt` says so for a call inside
 * a transaction, the process is gone. The open transaction fails (the database rolls back what
 * a dead connection left open), and every later call of the process never returns. Another
 * process on the same `storage` goes on as if it had been SIGKILLed.
 */
export function killableStorage(storage: StorageAdapter, killAt: (call: StorageCall) => boolean): { storage: StorageAdapter; killed: () => boolean } {
  let dead = false;
  const never = new Promise<never>(() => {});
  const inside = (tx: StorageOperations): StorageOperations =>
    new Proxy(tx, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (!dead && killAt({ operation: String(property), model: modelOf(args[0]) })) dead = true;
          if (dead) return Promise.reject(new Error('the worker process was killed'));
          return Reflect.apply(value, target, args);
        };
      },
    });
  const proxy = new Proxy(storage, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'transaction') {
        return (fn: (tx: StorageOperations) => Promise<unknown>) => (dead ? never : target.transaction((tx) => fn(inside(tx))));
      }
      return (...args: unknown[]) => (dead ? never : Reflect.apply(value, target, args));
    },
  });
  return { storage: proxy, killed: () => dead };
}

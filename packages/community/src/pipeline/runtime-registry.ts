import type { Runtime } from './runtime.js';

// The runtime behind each community, for companions such as the worker, without putting it
// on the public type.
const runtimes = new WeakMap<object, Runtime>();

export function registerRuntime(community: object, runtime: Runtime): void {
  runtimes.set(community, runtime);
}

export function runtimeOf(community: object): Runtime {
  const runtime = runtimes.get(community);
  if (!runtime) throw new TypeError('Pass the object createCommunity() returned.');
  return runtime;
}

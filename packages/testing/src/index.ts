/**
 * Conformance suites for `@kechuang/community` adapters. Run them from a vitest test file.
 *
 * @example
 * ```ts
 * import { testStorageAdapter } from '@kechuang/testing';
 * import { memoryStorage } from '@kechuang/community';
 *
 * testStorageAdapter(() => memoryStorage(), { name: 'memoryStorage' });
 * ```
 *
 * @packageDocumentation
 */
export {
  testStorageAdapter,
  type StorageConformanceGroup,
  type TestStorageAdapterOptions,
} from './storage/test-storage-adapter.js';
export { conformanceSchema } from './storage/conformance-schema.js';
export { walkClosedLoop, type ClosedLoopWalk } from './storage/walk-closed-loop.js';
export { expectFailedTimerWalk, walkFailedTimer, type FailedTimerWalk } from './storage/walk-failed-timer.js';
export { seededRandom } from './storage/conformance-helpers.js';
export { testNotifier, type NotifierConformanceCase, type NotifierSetup, type NotifierSink, type NotifierSinkBehaviour, type NotifierSinkDelivery, type NotifierSinkSupports, type TestNotifierOptions } from './notify/test-notifier.js';

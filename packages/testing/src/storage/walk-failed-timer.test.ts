import { memoryStorage } from '@kechuang/community';
import { describe, it } from 'vitest';
import { expectFailedTimerWalk, walkFailedTimer } from '../index.js';

describe('walkFailedTimer on memoryStorage', () => {
  it('fails the timer 3 times, lists it with its error, retries it, and fires it once', async () => {
    expectFailedTimerWalk(await walkFailedTimer(memoryStorage()));
  });
});

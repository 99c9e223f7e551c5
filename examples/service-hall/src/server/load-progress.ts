/** The first start's progress line: the demo directory, then the year, day by day. */
import type { DemoYearStage } from '@kechuang/demo';

export interface LoadProgress {
  report(done: number, total: number, stage: DemoYearStage): void;
  /** Ends the line, if one was drawn. */
  done(): void;
}

export function loadProgress(stream: NodeJS.WriteStream = process.stderr): LoadProgress {
  let shown = '';
  return {
    report(done, total, stage) {
      const line = stage === 'directory' ? `First start: loading the demo directory… ${Math.floor((done / total) * 100)}%` : `First start: replaying the demo year, day ${done} of ${total}`;
      if (line === shown || !stream.isTTY) return;
      shown = line;
      stream.write(`\r${line.padEnd(64)}`);
    },
    done() {
      if (shown) stream.write('\n');
    },
  };
}

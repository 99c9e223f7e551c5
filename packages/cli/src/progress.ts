import cliProgress from 'cli-progress';
import type { CliIo } from './cli-io.js';

/** A progress display for long work. */
export interface Progress {
  /** Sets how much is done, out of `total`. */
  update(done: number, total?: number): void;
  /** Ends the display (the bar stays on screen, full or not). */
  stop(): void;
}

/**
 * A bar on a terminal (cli-progress, drawn on standard error); otherwise a line on standard
 * error at every further 10 %, so logs of scheduled runs show that work goes on without a
 * bar's control characters.
 *
 * @example
 * ```ts
 * const progress = createProgress(ctx.io, '导入企业', rows.length);
 * rows.forEach((row, i) => { importRow(row); progress.update(i + 1); });
 * progress.stop();
 * ```
 */
export function createProgress(io: CliIo, label: string, total: number): Progress {
  if (io.isTTY && io.progressStream !== undefined) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: io.progressStream, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0);
    return {
      update(done, newTotal) {
        if (newTotal !== undefined) bar.setTotal(Math.max(newTotal, 1));
        bar.update(done);
      },
      stop() {
        bar.stop();
      },
    };
  }
  let size = total;
  let lastTenth = 0;
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) size = newTotal;
      if (size <= 0) return;
      const tenth = Math.min(10, Math.floor((done / size) * 10));
      if (tenth > lastTenth) {
        lastTenth = tenth;
        io.err(`${label} ${tenth * 10}% (${done}/${size})`);
      }
    },
    stop() {},
  };
}

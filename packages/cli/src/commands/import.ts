import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { isKechuangError } from '@kechuang/community';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { databaseOptions, flagOption, stringOption } from '../command-options.js';
import { exitCodes } from '../exit-codes.js';
import { createProgress, type Progress } from '../progress.js';
import { importKinds, type ImportKind } from '../import/columns.js';
import { CsvSyntaxError } from '../import/csv-table.js';
import type { CsvEncoding } from '../import/decode-csv.js';
import { renderReasons } from '../import/reason-texts.js';
import { rejectsCsv } from '../import/rejects-csv.js';
import { ImportHeaderError, runImport, type ImportResult } from '../import/run-import.js';
import { importMessages } from './import-messages.js';

/** Smaller files finish before a progress display would tell anything. */
const PROGRESS_FROM_ROWS = 500;

/** How many rejected rows the summary shows; the rest are in the rejects file. */
const SHOWN_REJECTS = 10;

const encodings: Readonly<Record<string, CsvEncoding>> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  gbk: 'gbk',
  gb2312: 'gbk',
  gb18030: 'gbk',
  cp936: 'gbk',
};

function isImportKind(value: string): value is ImportKind {
  return (importKinds as readonly string[]).includes(value);
}

/** The file's bytes; a missing file is exit 3. */
function readInput(file: string, shown: string, m: (typeof importMessages)['en']): Uint8Array {
  if (!existsSync(file)) throw new CliError(exitCodes.notFound, m.fileMissing(shown));
  if (!statSync(file).isFile()) throw new CliError(exitCodes.notFound, m.notAFile(shown));
  return readFileSync(file);
}

function headerError(error: ImportHeaderError, shown: string, m: (typeof importMessages)['en'], zh: boolean): CliError {
  const usual = new Map(error.columns.map((c) => [c.key, zh ? (c.zh[0] ?? c.key) : (c.en[0] ?? c.key)]));
  const label = (key: string): string => usual.get(key) ?? key;
  const columns = error.columns.map((c) => `${c.zh[0] ?? ''}${c.required ? '*' : ''}（${c.en[0] ?? ''}）`).join(zh ? '、' : ', ');
  const shownColumns = zh ? columns : error.columns.map((c) => `${c.en[0] ?? ''}${c.required ? '*' : ''} (${c.zh[0] ?? ''})`).join(', ');
  return new CliError(exitCodes.usage, m.headerRefused(error.kind, shown), [...error.problems.map((p) => m.headerProblem(p, label)), m.expected(shownColumns)]);
}

function printSummary(ctx: CliContext, result: ImportResult, shown: string, seconds: number): void {
  const m = importMessages[ctx.lang];
  const number = new Intl.NumberFormat(ctx.lang);
  const n = (value: number): string => number.format(value);
  const { io } = ctx;
  io.out(m.title(result.kind, shown, result.encoding === 'gbk' ? 'GBK' : 'UTF-8', result.dryRun));
  io.out(m.tally({ accepted: result.accepted, updated: result.updated, unchanged: result.unchanged, rejected: result.rejected.length, total: result.total }, n));
  if (result.createdCommunities.length > 0) io.out(m.communitiesCreated(result.createdCommunities.join(ctx.lang === 'zh-CN' ? '、' : ', ')));
  io.out(m.seconds(seconds.toFixed(1)));
  if (result.rejected.length > 0) {
    io.out(m.rejectedHead);
    for (const row of result.rejected.slice(0, SHOWN_REJECTS)) io.out(m.rejectedLine(row.line, renderReasons(row.reasons, ctx.lang, result.label)));
    if (result.rejected.length > SHOWN_REJECTS) io.out(m.rejectedMore(result.rejected.length - SHOWN_REJECTS));
  }
}

/**
 * Writes the rejects file, or removes one an earlier run left at the same place, so that the
 * file beside the input always belongs to the latest run.
 */
function writeRejects(ctx: CliContext, result: ImportResult, target: string): void {
  const m = importMessages[ctx.lang];
  const shown = path.relative(ctx.io.cwd, target) || target;
  if (result.rejected.length === 0) {
    rmSync(target, { force: true });
    ctx.io.out(m.nothingRejected);
    return;
  }
  try {
    writeFileSync(target, rejectsCsv(result, ctx.lang), 'utf8');
  } catch (error) {
    // The import itself is done; only the report of its rejects could not be saved.
    throw new CliError(exitCodes.notFound, m.cannotWriteRejects(shown, error instanceof Error ? error.message : String(error)));
  }
  ctx.io.out(m.rejectsWritten(shown));
}

/** `kechuang import parks|buildings|enterprises|members <file>`. */
export function registerImport(program: Command, ctx: CliContext): void {
  const m = importMessages[ctx.lang];
  const zh = ctx.lang === 'zh-CN';
  program
    .command('import')
    .description(m.description)
    .argument('<kind>', m.kind)
    .argument('<file>', m.file)
    .option('--rejects <file>', m.rejects)
    .option('--dry-run', m.dryRun)
    .option('--encoding <encoding>', m.encoding)
    .addHelpText('after', m.help)
    .action(async (kind: string, file: string, options: Record<string, unknown>, command: Command) => {
      const { io } = ctx;
      if (!isImportKind(kind)) {
        throw new CliError(exitCodes.usage, zh ? `无法导入“${kind}”，可导入：${importKinds.join('、')}。` : `Cannot import '${kind}'; use one of: ${importKinds.join(', ')}.`);
      }
      const encodingName = stringOption(options, 'encoding');
      const encoding = encodingName === undefined ? undefined : encodings[encodingName.toLowerCase()];
      if (encodingName !== undefined && encoding === undefined) throw new CliError(exitCodes.usage, m.badEncoding(encodingName));
      const input = path.resolve(io.cwd, file);
      const shown = path.relative(io.cwd, input) || input;
      const bytes = readInput(input, shown, m);
      const rejectsOption = stringOption(options, 'rejects');
      const rejectsTarget = rejectsOption === undefined ? `${input}.rejects.csv` : path.resolve(io.cwd, rejectsOption);
      if (rejectsTarget === input) throw new CliError(exitCodes.usage, m.rejectsIsInput);
      const dryRun = flagOption(options, 'dryRun');

      const office = await ctx.openOffice(databaseOptions(command));
      let progress: Progress | undefined;
      const started = performance.now();
      let result: ImportResult;
      try {
        result = await runImport({
          kind,
          bytes,
          session: office.session,
          dryRun,
          ...(encoding === undefined ? {} : { encoding }),
          onProgress: (done, total) => {
            if (total < PROGRESS_FROM_ROWS) return;
            progress ??= createProgress(io, m.progress(kind), total);
            progress.update(done, total);
          },
        });
      } catch (error) {
        if (error instanceof ImportHeaderError) throw headerError(error, shown, m, zh);
        if (error instanceof CsvSyntaxError) throw new CliError(exitCodes.problems, m.csvSyntax(shown, error.line, error.message));
        if (isKechuangError(error, 'STORAGE_ERROR')) throw new CliError(exitCodes.storage, m.storageFailed(error.message));
        throw error;
      } finally {
        progress?.stop();
        await office.close();
      }
      const seconds = (performance.now() - started) / 1000;
      printSummary(ctx, result, shown, seconds);
      writeRejects(ctx, result, rejectsTarget);
      if (dryRun) io.out(m.dryRunNote);
      if (result.rejected.length > 0) ctx.setExitCode(exitCodes.problems);
    });
}

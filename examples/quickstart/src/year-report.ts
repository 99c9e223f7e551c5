/**
 * The demo's second half: the Mengchuang Community's whole first year, replayed through the
 * SDK, then February's monthly report as the street office would print it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ReportFormat } from '@kechuang/community';
import { runDemoYear } from '@kechuang/demo';
import { storageFromEnv } from './storage-from-env.js';

const pct = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Replays the year into its own storage and writes February's report to `outDir`. */
export async function yearReport(outDir: string): Promise<void> {
  const { storage, where } = await storageFromEnv('demo-year');
  let shown = '';
  const year = await runDemoYear({
    storage,
    onProgress: (done, total, stage) => {
      const line = stage === 'directory' ? `Loading the directory… ${Math.floor((done / total) * 100)}%` : `Replaying 2025-03-01 … 2026-02-28: day ${done} of ${total}`;
      if (line === shown || !process.stderr.isTTY) return;
      shown = line;
      process.stderr.write(`\r${line.padEnd(60)}${done === total ? '\n' : ''}`);
    },
  });
  console.log(`\nReplayed the Mengchuang year into ${where}: ${year.summary.collected} requests, every one through routing, SLAs, sign-for, reply and follow-up.`);

  const office = year.community.as({ kind: 'system', officeId: year.officeId });
  const wholeYear = await office.metrics.query({ period: { from: '2025-03-01', to: '2026-02-28' } });
  const { counts, rates } = wholeYear.total;
  console.log(`The year: collected ${counts.collected}, concluded ${counts.concluded}, resolved ${counts.resolved}; response ${pct(rates.response)}, resolution ${pct(rates.resolution)}, satisfaction ${pct(rates.satisfaction)}, on time ${pct(rates.onTime)}.`);

  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const format of ['html', 'csv', 'markdown', 'json'] satisfies ReportFormat[]) {
    const report = await office.reports.monthly({ month: '2026-02', since: '2025-03-01', format });
    writeFileSync(join(outDir, report.filename), report.body);
    written.push(report.filename);
    if (format === 'html') {
      console.log(`\n${report.data.texts.title}\n${report.data.texts.headline}\n`);
      for (const unit of report.data.units.slice(0, 5)) {
        const score = unit.rates.composite === null ? '—' : (unit.rates.composite * 100).toFixed(1);
        console.log(`  ${String(unit.rank ?? '-').padStart(2)}  ${unit.name['zh-CN'].padEnd(10, '　')}  综合得分 ${score}  收集 ${unit.counts.collected}，解决 ${unit.counts.resolved}`);
      }
    }
  }
  console.log(`\nFebruary's report, ranked by park, is in ${resolve(outDir)}: ${written.join(', ')}. Open the .html in a browser and print it on A4.`);
  await storage.close?.();
}

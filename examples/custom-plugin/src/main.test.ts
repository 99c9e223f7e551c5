import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

it('the smoke run routes both requests, explains the rule and delivers the notice', async () => {
  // As `npm start` runs it: from source, through tsx, in a process of its own.
  const { stdout, stderr } = await run(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], { cwd: root, timeout: 60_000 });
  expect(stderr).toBe('');
  expect(stdout.split('\n')).toEqual([
    '40余个项目尾款未结 (约12万元) → 李律师 [rule large_debts: team LEGAL, round robin → L001]',
    '一笔设计费未结 (8,500元) → 赵专员 [fallback: commissioner of economic_development → C001]',
    'explain large_debts: category eq "unpaid_invoices" ← "unpaid_invoices": passed',
    'explain large_debts: attributes.amount_owed debt-recovery.at_least "10万" ← "壹拾贰万元整": passed',
    'to 王站长 <head@cangqian.example>: 大额欠款诉求：杭州数像科技有限公司',
    '  王站长，您好：',
    '  杭州数像科技有限公司反映被拖欠款项12万元，诉求「40余个项目尾款未结」已受理。',
    '  承办人：李律师',
    '  办理时限：2026年3月9日 17:30',
    '  涉及金额较大，请关注办理进展，必要时督办。',
    '',
  ]);
});

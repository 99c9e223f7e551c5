// The debt-recovery plugin at work in Cangqian Street: two requests for help with unpaid
// invoices, routed by the office's rule on the sum owed, and the station head told of the
// large one in the plugin's wording. Run it with `npm start` in this folder.
import { createWorker, manualClock, type ConditionTrace } from '@kechuang/community';
import { LARGE_CLAIM_EVENT } from './debt-recovery-plugin.js';
import { openCangqian } from './cangqian-office.js';

// Monday 2 March 2026, 10:00 in Shanghai: a fixed time, so every run prints the same deadlines.
const clock = manualClock(new Date('2026-03-02T10:00:00+08:00'));
const office = await openCangqian({ clock });
const names = new Map(Object.values(office.members).map((member) => [member.id, member.name]));

for (const [title, owed] of [
  ['40余个项目尾款未结', '约12万元'],
  ['一笔设计费未结', '8,500元'],
] as const) {
  const request = await office.system.requests.submit(office.claim(title, owed));
  const who = request.assigneeId === null ? 'nobody' : (names.get(request.assigneeId) ?? request.assigneeId);
  console.log(`${title} (${owed}) → ${who} [${request.routing?.reason ?? 'not routed'}]`);
}

// Why: the office's rule, condition by condition, with the value the plugin's operator read.
const why = await office.system.routing.explain(office.claim('货款未结', '壹拾贰万元整'));
const flatten = (trace: ConditionTrace | undefined): ConditionTrace[] => (trace ? [trace, ...(trace.children ?? []).flatMap(flatten)] : []);
for (const rule of why.rules) {
  for (const condition of flatten(rule.condition)) {
    if (condition.operator === undefined) continue;
    console.log(`explain ${rule.ruleId}: ${condition.kind} ${condition.operator} ${JSON.stringify(condition.expected)} ← ${JSON.stringify(condition.actual)}: ${condition.passed ? 'passed' : 'failed'}`);
  }
}

// The worker delivers what the submissions wrote to the outbox.
await createWorker(office.community).runOnce();
for (const message of office.mailbox.messages.filter((m) => m.event === LARGE_CLAIM_EVENT)) {
  console.log(`to ${message.to.name} <${message.to.address ?? ''}>: ${message.title}`);
  for (const line of message.text.split('\n')) console.log(`  ${line}`);
}
await office.community.close();

import type { Community, CommunitySession, ServiceRequest } from '@kechuang/community';
import type { Random } from '@kechuang/demo';
import type { CrashDirectory } from './crash-directory.js';

/** One command the workload chose for a request, by its public API name. */
export interface CrashStep {
  command: string;
  run: () => Promise<ServiceRequest>;
}

const TERMINAL = new Set(['closed', 'withdrawn', 'merged']);

/** Whether the workload is done with `request`. */
export function isConcluded(request: ServiceRequest): boolean {
  return TERMINAL.has(request.status);
}

/**
 * Chooses commands that drive requests around the whole closed loop through the public API:
 * dispatch and returns, sign-for, work, pauses, extensions, assisting units, supervision,
 * replies, follow-ups with redos, closes, merges and withdrawals. Every choice is legal for
 * the request's state as the last command returned it, so a failure is a finding, not noise.
 */
export function crashWorkload(community: Community, dir: CrashDirectory, random: Random) {
  const as = (memberId: string): CommunitySession => community.as({ kind: 'member', officeId: dir.officeId, memberId });
  const head = as(dir.headId);
  const staff = as(dir.staffId);
  const advisor = as(dir.advisorId);
  let submitted = 0;

  const otherLawyer = (r: ServiceRequest): string => (r.assigneeId === dir.lawyerIds[0] ? dir.lawyerIds[1] : dir.lawyerIds[0]);

  /** A new request: legal ones route to a lawyer, the rest fall back to the station head. */
  function submit(runId: string): CrashStep {
    const n = ++submitted;
    const legal = random.chance(0.6);
    return {
      command: 'submit',
      run: () =>
        head.requests.submit({
          communityId: dir.communityId,
          enterpriseId: random.pick(dir.enterpriseIds),
          channel: random.pick(['phone', 'visit', 'walk_in'] as const),
          category: legal ? 'legal' : 'other',
          title: legal ? `项目尾款未结 ${n}` : `会议室借用 ${n}`,
          description: '只有聊天记录',
          idempotencyKey: `crash-${runId}-${n}`,
        }),
    };
  }

  /** The next command for `r`, chosen among those its state allows. */
  function next(r: ServiceRequest, others: readonly ServiceRequest[]): CrashStep {
    const requestId = r.id;
    const lead = r.assigneeId ? as(r.assigneeId) : head;
    const step = (command: string, run: () => Promise<ServiceRequest>): CrashStep => ({ command, run });
    const working = ['assigned', 'accepted', 'in_progress', 'paused'].includes(r.status);

    if (random.chance(0.04) && r.status !== 'replied') return step('withdraw', () => head.requests.withdraw({ requestId, reason: '企业已自行解决' }));
    const target = others.find((o) => o.id !== r.id && !isConcluded(o));
    if (target && random.chance(0.03) && r.status !== 'replied') {
      return step('merge', () => head.requests.merge({ requestId, duplicateOfId: target.id, note: '重复诉求' }));
    }
    if (random.chance(0.05)) return step('supervise', () => staff.requests.supervise({ requestId, note: '街道督办' }));
    if (random.chance(0.08)) return step('note', () => lead.requests.note({ requestId, text: '已电话联系企业' }));

    const pendingAssist = r.assists.find((a) => a.memberId === dir.advisorId);
    if (working && pendingAssist?.status === 'pending' && random.chance(0.5)) return step('signAssist', () => advisor.requests.signAssist({ requestId }));
    if (pendingAssist?.status === 'signed' && ['accepted', 'in_progress', 'paused'].includes(r.status) && random.chance(0.5)) {
      return step('contribute', () => advisor.requests.contribute({ requestId, text: '已核对税务材料' }));
    }
    if (working && !pendingAssist && r.assigneeId !== dir.advisorId && random.chance(0.1)) {
      return step('addAssist', () => head.requests.addAssist({ requestId, memberId: dir.advisorId, note: '请协助核对' }));
    }
    if (working && r.extension?.status === 'requested') {
      return step('decideExtension', () => head.requests.decideExtension({ requestId, approve: random.chance(0.6), note: '同意延期' }));
    }
    if (['accepted', 'in_progress', 'paused'].includes(r.status) && r.extension === null && random.chance(0.1)) {
      return step('requestExtension', () => lead.requests.requestExtension({ requestId, workingDays: random.int(1, 10), reason: '需等待企业补充材料' }));
    }

    switch (r.status) {
      case 'submitted':
        return step('assign', () => head.requests.assign({ requestId, assigneeId: dir.lawyerIds[0], teamId: dir.legalTeamId }));
      case 'assigned':
        if (r.assigneeId === dir.headId) {
          return step('reassign', () => head.requests.reassign({ requestId, assigneeId: random.pick(dir.lawyerIds), teamId: dir.legalTeamId, reason: '交由律师办理' }));
        }
        if (random.chance(0.15)) return step('return', () => lead.requests.return({ requestId, reason: '不属于本驿站职责', suggestedOwnerId: null }));
        return step('accept', () => lead.requests.accept({ requestId }));
      case 'returned':
        if (random.chance(0.5)) return step('overruleReturn', () => head.requests.overruleReturn({ requestId, reason: '仍由原律师办理' }));
        return step('redispatch', () => head.requests.redispatch({ requestId, assigneeId: otherLawyer(r), teamId: dir.legalTeamId }));
      case 'accepted':
        if (random.chance(0.3)) return step('reply', () => lead.requests.reply({ requestId, outcome: 'explained', note: '已解释相关政策' }));
        return step('start', () => lead.requests.start({ requestId }));
      case 'in_progress':
        if (random.chance(0.25)) return step('pause', () => lead.requests.pause({ requestId, reason: '等待企业提供聊天记录' }));
        return step('reply', () => lead.requests.reply({ requestId, outcome: 'solved', note: '已协助追回欠款' }));
      case 'paused':
        return step('resume', () => lead.requests.resume({ requestId, note: '材料已补齐' }));
      case 'replied': {
        const roll = random.next();
        if (roll < 0.25) return step('followUp', () => head.requests.followUp({ requestId, rating: 'unsatisfied', comment: '仍未解决' }));
        if (roll < 0.75) return step('followUp', () => head.requests.followUp({ requestId, rating: random.pick(['satisfied', 'basically_satisfied'] as const) }));
        return step('close', () => head.requests.close({ requestId, note: '企业未接电话' }));
      }
      default:
        throw new Error(`The workload has no step for a request in state '${r.status}'.`);
    }
  }

  return { submit, next };
}

import fc from 'fast-check';
import {
  channels,
  requestStates,
  type DirectoryListOptions,
  type OfficeConfigInput,
  type RecordVisitInput,
  type RequestListInput,
  type RequestsApi,
  type ServiceRequest,
  type SubmitRequestInput,
} from '@kechuang/community';
import { creditCode, directoryKeys, modelOf, officeConfig, otherSide, type DirectoryKey, type OfficeWorld, type Side, type TwoOfficeWorld } from './tenant-isolation-world.js';

/** A request command's input, as generated. */
export type CommandInput = Readonly<Record<string, unknown>>;

const call =
  <K extends keyof RequestsApi>(name: K) =>
  (api: RequestsApi, input: CommandInput): Promise<ServiceRequest> =>
    (api[name] as (input: unknown) => Promise<ServiceRequest>)(input);

/** Every request command of the public API, callable by name. */
export const commands = {
  assign: call('assign'),
  reassign: call('reassign'),
  accept: call('accept'),
  return: call('return'),
  redispatch: call('redispatch'),
  overruleReturn: call('overruleReturn'),
  start: call('start'),
  pause: call('pause'),
  resume: call('resume'),
  reply: call('reply'),
  note: call('note'),
  addAssist: call('addAssist'),
  signAssist: call('signAssist'),
  contribute: call('contribute'),
  followUp: call('followUp'),
  close: call('close'),
  merge: call('merge'),
  withdraw: call('withdraw'),
  requestExtension: call('requestExtension'),
  decideExtension: call('decideExtension'),
  supervise: call('supervise'),
};
export type CommandName = keyof typeof commands;

/**
 * Calls a session may make under a borrowed identity (a member id of the other office).
 * `office.get` is checked on its own in the test file: it does not check the member yet.
 */
export const borrowedCalls = ['requests.list', 'requests.get', 'requests.submit', 'requests.note', 'parks.list', 'members.get', 'enterprises.lifecycle', 'visits.get', 'config.get', 'routing.explain'] as const;
export type BorrowedCall = (typeof borrowedCalls)[number];

/** One attempt by an actor of `attacker`'s office on the other office's records. */
export type Attack = { attacker: Side; actor: string } & (
  | { kind: 'get-request'; id: string }
  | { kind: 'list-requests'; filter: RequestListInput; cursorScope: string | null }
  | { kind: 'lifecycle'; enterpriseId: string; theirs: boolean }
  | { kind: 'get-directory'; key: DirectoryKey; id: string }
  | { kind: 'list-directory'; key: DirectoryKey; options: DirectoryListOptions; cursorScope: string | null }
  | { kind: 'find-by-code'; key: DirectoryKey; code: string }
  | { kind: 'get-visit'; id: string }
  | { kind: 'read-config' }
  | { kind: 'explain-routing'; input: SubmitRequestInput }
  | { kind: 'command-on-their-request'; command: CommandName; input: CommandInput }
  | { kind: 'command-with-their-reference'; command: CommandName; input: CommandInput; field: string; strict: boolean }
  | { kind: 'submit-in-their-place'; input: SubmitRequestInput }
  | { kind: 'visit-their-place'; input: RecordVisitInput; field: 'enterpriseId' | 'visitorIds' }
  | { kind: 'directory-write'; call: 'create' | 'update' | 'archive'; key: DirectoryKey; input: CommandInput; theirId: boolean }
  | { kind: 'config-with-their-reference'; config: OfficeConfigInput }
  | { kind: 'borrowed-identity'; office: Side; memberId: string; call: BorrowedCall; id: string }
);

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 2 });
const words = pick(['已电话联系企业', '补充材料已收到', '请尽快处理', '企业要求撤回']);
const version = fc.integer({ min: 1, max: 20 });
const OPEN = ['submitted', 'assigned', 'accepted', 'in_progress', 'paused', 'returned'];
const WORKING = ['assigned', 'accepted', 'in_progress', 'paused'];

const ids = (world: OfficeWorld, key: DirectoryKey): string[] => world.directory[key].map((e) => e.id);

/** Inputs for every command, aimed at `requestId`, with references drawn from both offices. */
function commandInput(command: CommandName, requestId: fc.Arbitrary<string>, member: fc.Arbitrary<string>, team: fc.Arbitrary<string>, request: fc.Arbitrary<string>): fc.Arbitrary<CommandInput> {
  const opt = { requiredKeys: ['requestId'] as 'requestId'[] };
  const t = { requestId, version };
  switch (command) {
    case 'assign':
    case 'redispatch':
      return fc.record({ ...t, assigneeId: member, teamId: optional(team), note: words }, { requiredKeys: ['requestId', 'assigneeId'] });
    case 'reassign':
      return fc.record({ ...t, assigneeId: member, teamId: optional(team), reason: words }, { requiredKeys: ['requestId', 'assigneeId', 'reason'] });
    case 'return':
      return fc.record({ ...t, reason: words, suggestedOwnerId: optional(member) }, { requiredKeys: ['requestId', 'reason'] });
    case 'overruleReturn':
    case 'pause':
    case 'withdraw':
      return fc.record({ ...t, reason: words }, { requiredKeys: ['requestId', 'reason'] });
    case 'reply':
      return fc.record({ ...t, outcome: pick(['solved', 'explained', 'unsolvable', 'out_of_scope'] as const), note: words }, { requiredKeys: ['requestId', 'outcome', 'note'] });
    case 'note':
    case 'contribute':
      return fc.record({ ...t, text: words }, { requiredKeys: ['requestId', 'text'] });
    case 'addAssist':
      return fc.oneof(fc.record({ ...t, memberId: member }, { requiredKeys: ['requestId', 'memberId'] }), fc.record({ ...t, teamId: team }, { requiredKeys: ['requestId', 'teamId'] }));
    case 'followUp':
      return fc.record({ ...t, rating: pick(['satisfied', 'basically_satisfied', 'unsatisfied'] as const), comment: words }, { requiredKeys: ['requestId', 'rating'] });
    case 'merge':
      return fc.record({ ...t, duplicateOfId: request, note: words }, { requiredKeys: ['requestId', 'duplicateOfId'] });
    case 'requestExtension':
      return fc.record({ ...t, workingDays: fc.integer({ min: 1, max: 10 }), reason: words }, { requiredKeys: ['requestId', 'workingDays', 'reason'] });
    case 'decideExtension':
      return fc.record({ ...t, approve: fc.boolean(), note: words }, { requiredKeys: ['requestId', 'approve'] });
    case 'resume':
    case 'close':
    case 'supervise':
      return fc.record({ ...t, note: words }, opt);
    case 'accept':
    case 'start':
    case 'signAssist':
      return fc.record(t, opt);
  }
}

/** Commands on the actor's own requests whose references name the other office, by who may fire them from which state. */
function referenceAttacks(side: Side, us: OfficeWorld, them: OfficeWorld): fc.Arbitrary<Attack>[] {
  const theirMember = pick(ids(them, 'members'));
  const theirTeam = pick(ids(them, 'teams'));
  const ourMember = pick(us.activeMemberIds);
  const label = (memberId: string | null) => us.actors.find((a) => a.memberId === memberId)?.label;
  const dispatchers = us.actors.filter((a) => a.dispatches).map((a) => a.label);
  const settlers = us.actors.filter((a) => a.settlesReturns).map((a) => a.label);
  const inState = (states: string[]) => us.requests.filter((r) => states.includes(r.status));
  const slots: { command: CommandName; requests: ServiceRequest[]; actors: (r: ServiceRequest) => string[]; input: fc.Arbitrary<{ input: Record<string, unknown>; field: string }> }[] = [];
  const assignee = fc.oneof(
    theirMember.map((id) => ({ input: { assigneeId: id }, field: 'assigneeId' })),
    fc.tuple(ourMember, theirTeam).map(([id, teamId]) => ({ input: { assigneeId: id, teamId }, field: 'teamId' })),
  );
  slots.push({ command: 'assign', requests: inState(['submitted']), actors: () => dispatchers, input: assignee });
  slots.push({ command: 'reassign', requests: inState(WORKING), actors: () => dispatchers, input: assignee.map((a) => ({ ...a, input: { ...a.input, reason: '改派给专业团队' } })) });
  slots.push({ command: 'redispatch', requests: inState(['returned']), actors: () => settlers, input: assignee });
  slots.push({
    command: 'return',
    requests: inState(['assigned', 'accepted']).filter((r) => label(r.assigneeId) !== undefined),
    actors: (r) => [label(r.assigneeId) ?? ''],
    input: theirMember.map((id) => ({ input: { reason: '不属于本部门职责', suggestedOwnerId: id }, field: 'suggestedOwnerId' })),
  });
  slots.push({
    command: 'addAssist',
    requests: inState(WORKING),
    actors: (r) => [...dispatchers, ...(label(r.assigneeId) ? [label(r.assigneeId) ?? ''] : [])],
    input: fc.oneof(theirMember.map((id) => ({ input: { memberId: id }, field: 'memberId' })), theirTeam.map((id) => ({ input: { teamId: id }, field: 'teamId' }))),
  });
  slots.push({ command: 'merge', requests: inState(OPEN), actors: () => dispatchers, input: pick(them.requests.map((r) => r.id)).map((id) => ({ input: { duplicateOfId: id }, field: 'duplicateOfId' })) });
  const usable = slots.filter((s) => s.requests.length > 0);
  const strict = pick(usable).chain((slot) =>
    pick(slot.requests).chain((request) =>
      fc.record({ actor: pick(slot.actors(request)), made: slot.input }).map(({ actor, made }): Attack => ({
        attacker: side,
        actor,
        kind: 'command-with-their-reference',
        command: slot.command,
        input: { requestId: request.id, ...made.input },
        field: made.field,
        strict: true,
      })),
    ),
  );
  // Anyone, on any of their own requests: the command must still be refused, for whatever reason comes first.
  const anyone = fc
    .record({ slot: pick(usable), request: pick(us.requests.map((r) => r.id)), actor: pick(us.actors.map((a) => a.label)) })
    .chain(({ slot, request, actor }) =>
      slot.input.map((made): Attack => ({ attacker: side, actor, kind: 'command-with-their-reference', command: slot.command, input: { requestId: request, ...made.input }, field: made.field, strict: false })),
    );
  return [strict, anyone];
}

/** A few of the given filters at once (none to three), so that lists are not filtered down to nothing. */
function someOf<T extends object>(parts: fc.Arbitrary<T>[]): fc.Arbitrary<T> {
  return parts.length === 0 ? fc.constant({} as T) : fc.array(fc.oneof(...parts), { maxLength: 3 }).map((chosen) => Object.assign({}, ...chosen) as T);
}

/** Filters of a directory list, by the fields each list accepts. */
function directoryFilter(key: DirectoryKey, id: (k: DirectoryKey) => fc.Arbitrary<string>): fc.Arbitrary<Record<string, string | null>> {
  const one = (field: string, value: fc.Arbitrary<string | null>) => value.map((v) => ({ [field]: v }));
  switch (key) {
    case 'parks':
      return someOf([one('communityId', id('communities'))]);
    case 'buildings':
      return someOf([one('parkId', id('parks')), one('communityId', id('communities'))]);
    case 'enterprises':
      return someOf([one('communityId', id('communities')), one('parkId', optional(id('parks'))), one('buildingId', optional(id('buildings'))), one('industry', pick(['数字经济', '新材料']))]);
    case 'teams':
      return someOf([one('kind', pick(['legal', 'general']))]);
    case 'members':
      return someOf([one('status', pick(['active', 'away', 'left']))]);
    case 'communities':
      return fc.constant({});
  }
}

function directoryWrites(side: Side, us: OfficeWorld, them: OfficeWorld, actor: fc.Arbitrary<string>): fc.Arbitrary<Attack> {
  const their = (key: DirectoryKey) => pick(ids(them, key));
  const ours = (key: DirectoryKey) => pick(ids(us, key));
  const write = (call: 'create' | 'update' | 'archive', key: DirectoryKey, input: fc.Arbitrary<CommandInput>, theirId: boolean) =>
    fc.record({ actor, input }).map(({ actor: a, input: i }): Attack => ({ attacker: side, actor: a, kind: 'directory-write', call, key, input: i, theirId }));
  const theirRole = fc.oneof(
    their('parks').map((p) => ({ role: 'captain', parkIds: [p] })),
    fc.tuple(ours('parks'), their('parks')).map(([o, p]) => ({ role: 'captain', parkIds: [o, p] })),
    their('teams').map((teamId) => ({ role: 'provider', teamId })),
    their('enterprises').map((enterpriseId) => ({ role: 'enterprise_contact', enterpriseId })),
  );
  const place = fc
    .record({ communityId: fc.oneof(ours('communities'), their('communities')), parkId: optional(fc.oneof(ours('parks'), their('parks'))), buildingId: optional(fc.oneof(ours('buildings'), their('buildings'))) })
    .filter((p) => [p.communityId, p.parkId, p.buildingId].some((id) => id !== null && ids(them, 'parks').concat(ids(them, 'communities'), ids(them, 'buildings')).includes(id)));
  return fc.oneof(
    pick(directoryKeys).chain((key) => write('update', key, their(key).map((id) => ({ id, name: '改名测试' })), true)),
    pick(directoryKeys).chain((key) => write('archive', key, their(key).map((id) => ({ id })), true)),
    write('create', 'parks', their('communities').map((communityId) => ({ communityId, code: 'P77', name: '新建园区' })), false),
    write('create', 'buildings', their('parks').map((parkId) => ({ parkId, code: 'P77-B01', name: '新建楼宇' })), false),
    write('create', 'enterprises', place.map((p) => ({ ...p, creditCode: creditCode('91330110MA2H3QXL7'), name: '杭州新建企业有限公司' })), false),
    write('create', 'members', fc.array(theirRole, { minLength: 1, maxLength: 2 }).map((roles) => ({ code: 'Z001', name: '新成员', roles })), false),
    write('update', 'members', fc.record({ id: pick(us.activeMemberIds), roles: fc.array(theirRole, { minLength: 1, maxLength: 2 }) }), false),
    write('update', 'enterprises', fc.record({ id: ours('enterprises'), parkId: their('parks') }), false),
    write('update', 'enterprises', fc.record({ id: ours('enterprises'), buildingId: their('buildings') }), false),
  );
}

/** A valid config of the actor's office with one reference to the other office's directory. */
function configWithTheirReference(them: OfficeWorld): fc.Arbitrary<OfficeConfigInput> {
  const member = pick(ids(them, 'members'));
  const rule = (then: Record<string, unknown>, when: Record<string, unknown> = { category: 'other' }) => ({ id: 'injected', when, then });
  const withRule = (r: ReturnType<typeof rule>, extra: Partial<OfficeConfigInput> = {}): OfficeConfigInput => {
    const base = officeConfig();
    return { ...base, ...extra, routing: { ...base.routing, rules: [r as never, ...(base.routing.rules ?? [])] } };
  };
  return fc.oneof(
    member.map((m) => withRule(rule({ assign: { member: m } }))),
    member.map((m) => withRule(rule({ watchers: [m] }))),
    member.map((m) => withRule(rule({ assist: [{ member: m }] }))),
    pick(ids(them, 'parks')).map((p) => withRule(rule({ tags: ['跨街道'] }, { park: p }))),
    pick(ids(them, 'buildings')).map((b) => withRule(rule({ tags: ['跨街道'] }, { building: { in: [b] } }))),
    pick(ids(them, 'teams')).map((t) => withRule(rule({ assign: { team: t } }), { teams: [...(officeConfig().teams ?? []), { code: t, labels: { 'zh-CN': '外部团队', en: 'Their team' } }] })),
    member.map((m) => ({ ...officeConfig(), routing: { ...officeConfig().routing, fallback: { assign: { member: m } } } })),
  );
}

/** Every kind of attack one office's actors can make on the other's records. */
export function attacksFrom(world: TwoOfficeWorld, side: Side): fc.Arbitrary<Attack> {
  const us = world[side];
  const them = world[otherSide(side)];
  const actor = pick(us.actors.map((a) => a.label));
  const theirRequest = pick(them.requests.map((r) => r.id));
  const anyMember = fc.oneof(pick(us.activeMemberIds), pick(ids(them, 'members')));
  const anyTeam = fc.oneof(pick(ids(us, 'teams')), pick(ids(them, 'teams')));
  const anyRequest = fc.oneof(pick(us.requests.map((r) => r.id)), theirRequest);
  const either = (key: DirectoryKey) => fc.oneof(pick(ids(us, key)), pick(ids(them, key)));
  const base = <T extends object>(arb: fc.Arbitrary<T>) => fc.tuple(actor, arb).map(([a, rest]) => ({ attacker: side, actor: a, ...rest }));
  // Mostly cursors of the same list (they decode, and must still not reach their rows), sometimes of another list.
  const cursorFor = (scope: string) => {
    const same = them.cursors.filter((c) => c.scope.startsWith(scope));
    return fc.option(fc.oneof({ arbitrary: pick(same.length > 0 ? same : them.cursors), weight: 3 }, { arbitrary: pick(them.cursors), weight: 1 }), { nil: null, freq: 2 });
  };
  const day = fc.date({ min: new Date('2026-03-01T00:00:00Z'), max: new Date('2026-03-04T00:00:00Z'), noInvalidDate: true });
  const listFilter: fc.Arbitrary<RequestListInput> = fc
    .tuple(
      someOf<RequestListInput>([
        fc.oneof(pick(requestStates), fc.subarray([...requestStates], { minLength: 1 })).map((status) => ({ status })),
        either('communities').map((communityId) => ({ communityId })),
        either('parks').map((parkId) => ({ parkId })),
        either('enterprises').map((enterpriseId) => ({ enterpriseId })),
        anyMember.map((assigneeId) => ({ assigneeId })),
        fc.oneof(pick(['legal', 'policy', 'other']), fc.subarray(['legal', 'policy', 'other'], { minLength: 1 })).map((category) => ({ category })),
        pick(channels).map((channel) => ({ channel })),
        day.map((createdFrom) => ({ createdFrom })),
        day.map((createdTo) => ({ createdTo })),
        pick(['overdue', 'due_soon', 'on_time', 'paused'] as const).map((sla) => ({ sla })),
        fc.boolean().map((supervised) => ({ supervised })),
      ]),
      pick(['newest', 'oldest'] as const),
      fc.integer({ min: 1, max: 50 }),
    )
    .map(([filter, order, limit]) => ({ ...filter, order, limit }));
  const theirPlace = fc
    .record({
      communityId: fc.oneof(pick(ids(us, 'communities')), pick(ids(them, 'communities'))),
      enterpriseId: optional(either('enterprises')),
      parkId: optional(either('parks')),
      buildingId: optional(either('buildings')),
      channel: pick(channels),
      category: pick(['legal', 'policy', 'other']),
      title: words,
      idempotencyKey: fc.option(fc.constant(them.idempotencyKey), { nil: undefined }),
      externalRef: optional(fc.constant(them.externalRef)),
    })
    .filter((input) => [input.communityId, input.enterpriseId, input.parkId, input.buildingId].some((id) => id !== null && isTheirs(them, id)));
  const visitRequests = fc.array(fc.record({ category: pick(['legal', 'policy']), title: words }), { maxLength: 2 });

  return fc.oneof(
    base(theirRequest.map((id) => ({ kind: 'get-request' as const, id }))),
    base(
      fc.tuple(listFilter, cursorFor('request:')).map(([filter, c]) => ({ kind: 'list-requests' as const, filter: c ? { ...filter, cursor: c.cursor } : filter, cursorScope: c?.scope ?? null })),
    ),
    base(fc.oneof(pick(ids(them, 'enterprises')).map((id) => ({ id, theirs: true })), pick(ids(us, 'enterprises')).map((id) => ({ id, theirs: false }))).map((e) => ({ kind: 'lifecycle' as const, enterpriseId: e.id, theirs: e.theirs }))),
    base(pick(directoryKeys).chain((key) => pick(ids(them, key)).map((id) => ({ kind: 'get-directory' as const, key, id })))),
    base(
      pick(directoryKeys).chain((key) =>
        fc
          .record({ filter: directoryFilter(key, either), includeArchived: fc.boolean(), limit: fc.integer({ min: 1, max: 50 }), c: cursorFor(`${modelOf[key]}:`) })
          .map(({ filter, includeArchived, limit, c }) => ({
            kind: 'list-directory' as const,
            key,
            options: { filter, includeArchived, limit, ...(c ? { cursor: c.cursor } : {}) },
            cursorScope: c?.scope ?? null,
          })),
      ),
    ),
    base(pick(directoryKeys).chain((key) => pick(them.directory[key].map((e) => e.code)).map((code) => ({ kind: 'find-by-code' as const, key, code })))),
    base(pick(them.visits.map((v) => v.id)).map((id) => ({ kind: 'get-visit' as const, id }))),
    base(fc.constant({ kind: 'read-config' as const })),
    base(theirPlace.map(({ idempotencyKey: _key, externalRef: _ref, ...input }) => ({ kind: 'explain-routing' as const, input }))),
    base(pick(Object.keys(commands) as CommandName[]).chain((command) => commandInput(command, theirRequest, anyMember, anyTeam, anyRequest).map((input) => ({ kind: 'command-on-their-request' as const, command, input })))),
    ...referenceAttacks(side, us, them),
    base(theirPlace.map((input) => ({ kind: 'submit-in-their-place' as const, input }))),
    base(
      fc.oneof(
        fc
          .record({ enterpriseId: pick(ids(them, 'enterprises')), summary: words, requests: visitRequests, idempotencyKey: fc.constant(them.visitIdempotencyKey) }, { requiredKeys: ['enterpriseId', 'requests'] })
          .map((input) => ({ kind: 'visit-their-place' as const, input, field: 'enterpriseId' as const })),
        fc
          .record({ enterpriseId: pick(ids(us, 'enterprises')), visitorIds: fc.tuple(fc.subarray(us.activeMemberIds, { maxLength: 2 }), pick(ids(them, 'members'))).map(([o, t]) => [...o, t]), requests: visitRequests })
          .map((input) => ({ kind: 'visit-their-place' as const, input, field: 'visitorIds' as const })),
      ),
    ),
    directoryWrites(side, us, them, actor),
    base(configWithTheirReference(them).map((config) => ({ kind: 'config-with-their-reference' as const, config }))),
    fc
      .record({ borrowedFrom: pick(['them', 'us'] as const), call: pick(borrowedCalls), member: pick(ids(them, 'members')), ourMember: pick(us.activeMemberIds) })
      .map(({ borrowedFrom, call: c, member, ourMember }): Attack => {
        // Either our office with their member's id, or their office with one of ours: both are identities no office issued.
        const office = borrowedFrom === 'them' ? side : otherSide(side);
        const home = world[office];
        const target = c === 'members.get' ? ids(home, 'members')[0] : c === 'visits.get' ? home.visits[0]?.id : c === 'enterprises.lifecycle' ? ids(home, 'enterprises')[0] : home.requests[0]?.id;
        return { attacker: side, actor: 'borrowed', kind: 'borrowed-identity', office, memberId: borrowedFrom === 'them' ? member : ourMember, call: c, id: target ?? '' };
      }),
  );
}

/** Whether `id` names a record of `world` (any directory record, request or visit). */
export function isTheirs(world: OfficeWorld, id: string): boolean {
  return directoryKeys.some((k) => world.directory[k].some((e) => e.id === id)) || world.requests.some((r) => r.id === id) || world.visits.some((v) => v.id === id) || world.office.id === id;
}

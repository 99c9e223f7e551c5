import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Actor } from '../auth/actor.js';
import { createCommunity, type Community } from '../community.js';
import type { RequestEvent } from '../events/core-events.js';
import { smallOffice } from '../__fixtures__/small-office.js';
import { notifyConfig, notifyOffice, sh } from '../notify/__fixtures__/notify-office.js';
import { createWorker } from '../worker/create-worker.js';
import { submitInput } from '../__fixtures__/submit-input.js';
import type { Enterprise } from '../model/enterprise.js';
import type { Member } from '../model/member.js';
import type { ServiceRequest } from '../model/request.js';
import type { Page } from '../queries/cursor.js';
import type { RequestsApi } from '../requests-api.js';
import type { CommunitySession } from '../session.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { JsonValue } from '../storage/types.js';
import { definePlugin, type FieldsOfPlugins } from './define-plugin.js';
import { auditChain } from './__fixtures__/audit-chain-ledger.js';
import type { PluginSchema } from './plugin-types.js';

/** A plugin whose fields nothing sets: they read null. */
const ratings = definePlugin({
  id: 'ratings',
  schema: {
    fields: {
      request: { ratingsScore: { type: 'number', nullable: true } },
      enterprise: { ratingsTier: { type: 'string', nullable: true }, ratingsCheckedAt: { type: 'date', nullable: true } },
    },
  },
  setup: () => undefined,
});

describe('records carry plugin fields', () => {
  it('a field nothing has set reads null on the submit result, get, list and the event', async () => {
    const fx = await smallOffice({ plugins: [ratings()] });
    const events: RequestEvent[] = [];
    fx.community.events.on('request.submit', (event) => void events.push(event));
    const submitted = await fx.system.requests.submit(submitInput(fx));
    const { request } = await fx.system.requests.get(submitted.id);
    const { items } = await fx.system.requests.list();
    for (const read of [submitted, request, items[0], events[0]?.request]) {
      expect(read).toHaveProperty('ratingsScore', null);
    }
    expect(request).toEqual(submitted);
  });

  it("a transaction hook's values reach the command's result, its event, after hooks, get and list", async () => {
    const seen: unknown[] = [];
    const watcher = definePlugin({ id: 'watcher', setup: ({ hooks }) => hooks.after('*', ({ request }) => void seen.push((request as ServiceRequest & { auditChainHead?: unknown }).auditChainHead)) });
    const fx = await smallOffice({ plugins: [auditChain(), watcher()] });
    const heads: unknown[] = [];
    fx.community.events.on('request.assign', ({ request }) => void heads.push((request as ServiceRequest & { auditChainHead?: unknown }).auditChainHead));

    const submitted = await fx.system.requests.submit(submitInput(fx));
    expect(submitted).toMatchObject({ auditChainHead: 'submit:1', auditChainLength: 1, auditChainProof: { command: 'submit', links: [submitted.id, 1] } });
    expect(submitted.auditChainSealedAt).toEqual(submitted.updatedAt);

    const assigned = await fx.as(fx.members.stationHead.id).requests.assign({ requestId: submitted.id, assigneeId: fx.members.lead.id });
    expect(assigned).toMatchObject({ auditChainHead: 'assign:2', auditChainLength: 2 });
    expect(heads).toEqual(['assign:2']);
    expect(seen).toEqual(['submit:1', 'assign:2']);

    const { request } = await fx.system.requests.get(submitted.id);
    expect(request).toEqual(assigned);
    expect(request.auditChainSealedAt).toBeInstanceOf(Date);
    expect((await fx.system.requests.list()).items).toEqual([assigned]);
  });

  it('core commands never write plugin fields back: a value a plugin set since the request was loaded stays', async () => {
    // The before hook runs after the command loaded the request: its write stands for a plugin
    // (a timer, an HTTP route) changing the field while the command is under way.
    const late = definePlugin({
      id: 'late',
      schema: { fields: { request: { lateNote: { type: 'string', nullable: true } } } },
      setup({ hooks }) {
        hooks.before('accept', async ({ read, request }) => {
          await read.update({ model: 'request', where: [{ field: 'id', value: request?.id ?? '' }], data: { lateNote: '纸质材料已签收' } });
        });
      },
    });
    const fx = await smallOffice({ plugins: [auditChain(), late()] });
    const submitted = await fx.system.requests.submit(submitInput(fx));
    expect(submitted.lateNote).toBeNull();
    const lead = fx.as(fx.members.lead.id);
    await fx.as(fx.members.stationHead.id).requests.assign({ requestId: submitted.id, assigneeId: fx.members.lead.id });
    const accepted = await lead.requests.accept({ requestId: submitted.id });
    expect(accepted).toMatchObject({ lateNote: '纸质材料已签收', auditChainHead: 'accept:3', status: 'accepted' });
    const started = await lead.requests.start({ requestId: submitted.id });
    expect(started).toMatchObject({ lateNote: '纸质材料已签收', auditChainHead: 'start:4', auditChainLength: 4 });
    expect((await fx.system.requests.get(submitted.id)).request).toEqual(started);
  });

  it('an SLA escalation, which the worker writes outside any command, keeps a value a plugin set and runs the transaction hooks', async () => {
    const storage = memoryStorage();
    const fx = await notifyOffice(notifyConfig(null), { plugins: [auditChain(), ratings()], storage });
    const submitted = await fx.system.requests.submit(submitInput(fx, { category: 'legal' }));
    expect(submitted.auditChainHead).toMatch(/^submit:/);
    await storage.update({ model: 'request', where: [{ field: 'id', value: submitted.id }], data: { ratingsScore: 4 } });
    const heads: unknown[] = [];
    fx.community.events.on('request.escalate', ({ request }) => void heads.push((request as ServiceRequest & { auditChainHead?: unknown }).auditChainHead));
    // Two working days after the resolve deadline: both escalation steps fire.
    fx.clock.set(sh('2026-03-11T17:40:00'));
    await createWorker(fx.community, { notify: false }).runOnce();
    const { request } = await fx.system.requests.get(submitted.id);
    expect(request.escalationLevel).toBe(2);
    expect(request.ratingsScore).toBe(4);
    // The ledger's `'*'` hook ran in each firing, and the events carry what it wrote.
    expect(request.auditChainHead).toBe(`escalate:${request.version}`);
    expect(heads).toEqual([`escalate:${request.version - 1}`, `escalate:${request.version}`]);
  });

  it('a command that a transaction hook fails keeps the values of the last committed command', async () => {
    const refuse = definePlugin({
      id: 'refuse',
      setup: ({ hooks }) =>
        hooks.transaction('accept', () => {
          throw new Error('ledger unavailable');
        }),
    });
    const fx = await smallOffice({ plugins: [auditChain(), refuse()] });
    const submitted = await fx.system.requests.submit(submitInput(fx));
    await fx.as(fx.members.stationHead.id).requests.assign({ requestId: submitted.id, assigneeId: fx.members.lead.id });
    await expect(fx.as(fx.members.lead.id).requests.accept({ requestId: submitted.id })).rejects.toMatchObject({ code: 'PLUGIN_ERROR' });
    expect((await fx.system.requests.get(submitted.id)).request).toMatchObject({ auditChainHead: 'assign:2', auditChainLength: 2, status: 'assigned' });
  });

  it('enterprises read their plugin fields, and directory updates keep them', async () => {
    const storage = memoryStorage();
    const fx = await smallOffice({ plugins: [ratings()], storage });
    const created = await fx.system.enterprises.create({ creditCode: '91330110MA2H3QXJ5F', name: '杭州梦栖智能有限公司', communityId: fx.mc.id });
    expect(created).toMatchObject({ ratingsTier: null, ratingsCheckedAt: null });
    const checkedAt = new Date('2026-03-03T02:00:00Z');
    await storage.update({ model: 'enterprise', where: [{ field: 'id', value: created.id }], data: { ratingsTier: 'A', ratingsCheckedAt: checkedAt } });

    const updated = await fx.system.enterprises.update({ id: created.id, version: created.version, industry: '人工智能' });
    expect(updated).toMatchObject({ industry: '人工智能', version: 2, ratingsTier: 'A', ratingsCheckedAt: checkedAt });
    const archived = await fx.system.enterprises.archive({ id: created.id });
    expect(archived).toMatchObject({ ratingsTier: 'A', archivedAt: expect.any(Date) });
    expect(await fx.system.enterprises.get(created.id)).toEqual(archived);
    expect((await fx.system.enterprises.list({ includeArchived: true })).items.find((e) => e.id === created.id)).toEqual(archived);
    expect(await fx.system.enterprises.findByCode(archived.code)).toEqual(archived);
  });

  it('records of a community without plugin fields carry none', async () => {
    const fx = await smallOffice();
    const submitted = await fx.system.requests.submit(submitInput(fx));
    const { request } = await fx.system.requests.get(submitted.id);
    expect(Object.keys(request).filter((key) => key.startsWith('audit') || key.startsWith('ratings'))).toEqual([]);
    expect(request).toEqual(submitted);
  });
});

describe('the types of plugin fields', () => {
  const actor: Actor = { kind: 'system', officeId: 'o' };

  it('without plugins, every API reads the plain records', () => {
    const community = createCommunity({ storage: memoryStorage() });
    expectTypeOf(community.as(actor)).toEqualTypeOf<CommunitySession>();
    expectTypeOf(community.as(actor).requests).toEqualTypeOf<RequestsApi>();
    expectTypeOf(community.as(actor).requests.submit).returns.resolves.toEqualTypeOf<ServiceRequest>();
    expectTypeOf(community.as(actor).enterprises.get).returns.resolves.toEqualTypeOf<Enterprise>();
    expectTypeOf(community).toExtend<Community>();
  });

  it('with plugins, requests read as ServiceRequest & FieldsOfPlugins<P, "request">', async () => {
    const plugins = [auditChain(), ratings()] as const;
    const community = createCommunity({ storage: memoryStorage(), plugins: [auditChain(), ratings()] });
    type Ours = ServiceRequest & FieldsOfPlugins<typeof plugins, 'request'>;
    const requests = community.as(actor).requests;
    expectTypeOf(requests.submit).returns.resolves.toEqualTypeOf<Ours>();
    expectTypeOf(requests.accept).returns.resolves.toEqualTypeOf<Ours>();
    expectTypeOf(requests.followUp).returns.resolves.toEqualTypeOf<Ours>();
    expectTypeOf(requests.get).returns.resolves.toHaveProperty('request').toEqualTypeOf<Ours>();
    expectTypeOf(requests.list).returns.resolves.toEqualTypeOf<Page<Ours>>();
    expectTypeOf(requests.accept).parameter(0).toEqualTypeOf<Parameters<RequestsApi['accept']>[0]>();

    expectTypeOf<Ours['auditChainHead']>().toEqualTypeOf<string | null>();
    expectTypeOf<Ours['auditChainLength']>().toEqualTypeOf<number | null>();
    expectTypeOf<Ours['auditChainSealedAt']>().toEqualTypeOf<Date | null>();
    expectTypeOf<Ours['auditChainProof']>().toEqualTypeOf<JsonValue | null>();
    expectTypeOf<Ours['ratingsScore']>().toEqualTypeOf<number | null>();
    // Still a community wherever the host takes one (a server, a worker).
    expectTypeOf(community).toExtend<Community>();
  });

  it('enterprises read their plugin fields; records no plugin extends stay plain', () => {
    const community = createCommunity({ storage: memoryStorage(), plugins: [ratings()] });
    const session = community.as(actor);
    type Rated = Enterprise & { ratingsTier: string | null; ratingsCheckedAt: Date | null };
    expectTypeOf(session.enterprises.get).returns.resolves.toEqualTypeOf<Rated>();
    expectTypeOf(session.enterprises.create).returns.resolves.toEqualTypeOf<Rated>();
    expectTypeOf(session.enterprises.list).returns.resolves.toEqualTypeOf<Page<Rated>>();
    expectTypeOf(session.members.get).returns.resolves.toEqualTypeOf<Member>();
  });

  it('a plugin whose schema is only typed as PluginSchema can be passed, and types no fields', () => {
    const schema: PluginSchema = { fields: { request: { looseNote: { type: 'string', nullable: true } } } };
    const loose = definePlugin({ id: 'loose', schema, setup: () => undefined });
    const community = createCommunity({ storage: memoryStorage(), plugins: [loose()] });
    expectTypeOf(community.as(actor).requests.get).returns.resolves.toHaveProperty('request').toEqualTypeOf<ServiceRequest>();
  });

  it('a plugin may add only nullable fields', () => {
    definePlugin({
      id: 'geo',
      // @ts-expect-error rows that predate the plugin have no value, so a required field is refused
      schema: { fields: { request: { geoPoint: { type: 'json' } } } },
      setup: () => undefined,
    });
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { createCommunity } from '../community.js';
import type { RequestEvent } from '../events/core-events.js';
import { isKechuangError } from '../errors/kechuang-error.js';
import { thrown } from '../__fixtures__/expect-error.js';
import { smallOffice } from '../__fixtures__/small-office.js';
import { submitInput } from '../__fixtures__/submit-input.js';
import { memoryStorage } from '../storage/memory-storage.js';
import { definePlugin } from './define-plugin.js';

/** A plugin whose options have defaults; it tags every submission with `options.tag`. */
const tagger = definePlugin({
  id: 'tagger',
  options: z.object({
    tag: z.string().min(1).default('vip'),
    limit: z.number().int().positive().default(3),
  }),
  setup({ options, hooks }) {
    hooks.before('submit', ({ input }) => {
      const tags = Array.isArray(input['tags']) ? (input['tags'] as string[]) : [];
      return { input: { ...input, tags: [...tags, `${options.tag}:${options.limit}`] } };
    });
  },
});

/** A plugin declaring a typed event it publishes after every submit. */
const announcer = definePlugin({
  id: 'announcer',
  events: {
    'announcer.announced': z.object({ requestId: z.string(), title: z.string(), words: z.number().int() }),
  },
  setup({ hooks, emit }) {
    hooks.after('submit', ({ request }) => emit('announcer.announced', { requestId: request.id, title: request.title, words: request.title.length }));
  },
});

const noop = (id: string) => definePlugin({ id, setup: () => undefined });

describe('definePlugin options', () => {
  it('applies the defaults of the options schema before setup sees them', async () => {
    const fx = await smallOffice({ plugins: [tagger({})] });
    const request = await fx.system.requests.submit(submitInput(fx));
    expect(request.tags).toEqual(['vip:3']);
  });

  it('lets a plugin whose options all have defaults be configured without any', async () => {
    const fx = await smallOffice({ plugins: [tagger()] });
    const request = await fx.system.requests.submit(submitInput(fx));
    expect(request.tags).toEqual(['vip:3']);
  });

  it('passes the host options, parsed, to setup', async () => {
    const fx = await smallOffice({ plugins: [tagger({ tag: 'gold', limit: 7 })] });
    const request = await fx.system.requests.submit(submitInput(fx, { tags: ['高新技术企业'] }));
    expect(request.tags).toEqual(['高新技术企业', 'gold:7']);
  });

  it('refuses invalid options with PLUGIN_ERROR listing every problem', () => {
    // The casts feed wrong runtime values past the factory's static option types on purpose.
    const error = thrown(
      () => createCommunity({ storage: memoryStorage(), plugins: [tagger({ tag: '', limit: 0 } as unknown as { tag: string })] }),
      'PLUGIN_ERROR',
    );
    const problems = error.details['problems'] as string[];
    expect(problems).toHaveLength(2);
    expect(problems.some((p) => p.includes("plugin 'tagger'") && p.includes('tag'))).toBe(true);
    expect(problems.some((p) => p.includes("plugin 'tagger'") && p.includes('limit'))).toBe(true);
    expect(error.message).toContain('tag');
    expect(error.message).toContain('limit');
  });

  it('collects the problems of every plugin before refusing', () => {
    const clashing = definePlugin({ id: 'clash', schema: { models: { request: { fields: { id: { type: 'string' } } } } }, setup: () => undefined });
    const error = thrown(
      () =>
        createCommunity({
          storage: memoryStorage(),
          plugins: [tagger({ limit: 0 }), clashing(), noop('twice')(), noop('twice')()],
        }),
      'PLUGIN_ERROR',
    );
    const problems = error.details['problems'] as string[];
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/limit/);
    expect(problems.join('\n')).toMatch(/'request'/);
    expect(problems.join('\n')).toMatch(/'twice'/);
  });

  it('refuses two plugins with the same id', () => {
    const error = thrown(() => createCommunity({ storage: memoryStorage(), plugins: [noop('dup')(), noop('dup')()] }), 'PLUGIN_ERROR');
    expect(error.message).toContain("'dup'");
  });

  it('refuses a plugin model that clashes with a core model', () => {
    const clashing = definePlugin({
      id: 'shadow',
      schema: { models: { member: { fields: { id: { type: 'string' }, note: { type: 'string' } } } } },
      setup: () => undefined,
    });
    const error = thrown(() => createCommunity({ storage: memoryStorage(), plugins: [clashing()] }), 'PLUGIN_ERROR');
    expect(error.message).toContain("'member'");
    expect(error.message).toContain("'shadow'");
  });

  it('refuses two plugins declaring the same model', () => {
    const model = { fields: { id: { type: 'string' as const } } };
    const a = definePlugin({ id: 'a', schema: { models: { shared_note: model } }, setup: () => undefined });
    const b = definePlugin({ id: 'b', schema: { models: { shared_note: model } }, setup: () => undefined });
    const error = thrown(() => createCommunity({ storage: memoryStorage(), plugins: [a(), b()] }), 'PLUGIN_ERROR');
    expect(error.message).toContain("'shared_note'");
  });

  it('adds plugin models to the schema handed to storage', () => {
    const notes = definePlugin({ id: 'notes', schema: { models: { notes_entry: { fields: { id: { type: 'string' }, text: { type: 'string' } } } } }, setup: () => undefined });
    const community = createCommunity({ storage: memoryStorage(), plugins: [notes()] });
    expect(Object.keys(community.schema.models)).toContain('notes_entry');
    expect(Object.keys(community.schema.models)).toContain('request');
  });

  it('runs setup once, when the community is created', () => {
    let runs = 0;
    const counted = definePlugin({ id: 'counted', setup: () => void runs++ });
    createCommunity({ storage: memoryStorage(), plugins: [counted()] });
    expect(runs).toBe(1);
  });
});

describe('definePlugin events', () => {
  it('publishes a declared event on community.events with the validated payload', async () => {
    const fx = await smallOffice({ plugins: [announcer()] });
    const seen: { requestId: string; title: string; words: number }[] = [];
    fx.community.events.on('announcer.announced', (payload) => void seen.push(payload));
    const request = await fx.system.requests.submit(submitInput(fx));
    expect(seen).toEqual([{ requestId: request.id, title: request.title, words: request.title.length }]);
  });

  it('reports an emit of an undeclared event as a PLUGIN_ERROR without failing the command', async () => {
    const reported: unknown[] = [];
    const rogue = definePlugin({
      id: 'rogue',
      events: { 'rogue.ok': z.object({ n: z.number() }) },
      setup({ hooks, emit }) {
        // The cast smuggles an undeclared name past the static check, as plain JS could.
        hooks.after('submit', () => emit('rogue.other' as 'rogue.ok', { n: 1 }));
      },
    });
    const fx = await smallOffice({ plugins: [rogue()], onListenerError: (error) => void reported.push(error) });
    await fx.system.requests.submit(submitInput(fx));
    expect(reported).toHaveLength(1);
    expect(isKechuangError(reported[0], 'PLUGIN_ERROR')).toBe(true);
  });

  it('types plugin events on community.events from their zod schemas', async () => {
    const fx = await smallOffice({ plugins: [announcer(), tagger({})] });
    const off = fx.community.events.on('announcer.announced', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<{ requestId: string; title: string; words: number }>();
    });
    fx.community.events.on('request.submit', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<RequestEvent>();
    });
    // @ts-expect-error an event no plugin declares is not on the bus
    fx.community.events.on('announcer.unknown', () => undefined);
    // @ts-expect-error a declared event's payload keeps its schema's type
    fx.community.events.on('announcer.announced', (payload: { requestId: number }) => void payload);
    off();
  });

  it('types the factory arguments from the options schema', () => {
    expectTypeOf(tagger).parameter(0).toEqualTypeOf<{ tag?: string | undefined; limit?: number | undefined } | undefined>();
    expectTypeOf(announcer).parameters.toEqualTypeOf<[]>();
    // @ts-expect-error an option of the wrong type
    tagger({ tag: 1 });
    const plugin = announcer();
    expectTypeOf(plugin.id).toEqualTypeOf<'announcer'>();
  });

  it('without plugins, only core events exist', () => {
    const community = createCommunity({ storage: memoryStorage() });
    community.events.on('visit.recorded', ({ visit }) => {
      expectTypeOf(visit.requestIds).toEqualTypeOf<string[]>();
    });
    // @ts-expect-error plugin events exist only when the plugin is installed
    community.events.on('announcer.announced', () => undefined);
  });
});

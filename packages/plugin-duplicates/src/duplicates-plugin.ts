import { definePlugin, type Row, type ServiceRequest, type StorageOperations } from '@kechuang/community';
import { z } from 'zod';
import { assessSubmission, requestUnits, type Assessment } from './assess-submission.js';
import { mergeNote, followUpTarget, repeatRefusal } from './duplicates-messages.js';
import { duplicatesOptions } from './duplicates-options.js';
import { duplicatesRoute } from './duplicates-route.js';
import { duplicatesSchema, type DuplicatesDecision } from './duplicates-schema.js';
import { subjectOf, type Probe } from './duplicates-scope.js';
import { joinUnits } from './normalize-text.js';
import { classify, ensureGuard, readEarlier, takeGuard, type EarlierRows } from './read-earlier.js';
import { textKey } from './text-key.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Shared text is kept to this many characters in a match row. */
const SHARED_TEXT_CHARS = 500;

/** The payload of `duplicates.suggested`, published after a submission with likely duplicates commits. */
export const duplicatesSuggestedEvent = z.object({
  /** The office of the request. */
  officeId: z.string(),
  /** The request just submitted. */
  requestId: z.string(),
  /** The request it was merged into, else the likeliest duplicate. */
  duplicateOfId: z.string(),
  /** Its similarity, from 0 to 1. */
  score: z.number(),
  /** `merged` when the plugin merged the request into `duplicateOfId`; `suggested` otherwise. */
  action: z.enum(['suggested', 'merged']),
  /** Every likely duplicate, best first. */
  matches: z.array(
    z.object({
      /** The earlier request. */
      requestId: z.string(),
      /** Its similarity, from 0 to 1. */
      score: z.number(),
    }),
  ),
});

// The submission's place, as the before hook sees it (parkId already filled from the enterprise).
const placeOfInput = z.object({
  communityId: z.string(),
  enterpriseId: z.string().nullable(),
  parkId: z.string().nullable(),
  category: z.string(),
});

function probeOf(request: ServiceRequest): Probe {
  const { officeId, communityId, enterpriseId, parkId, category, submittedById } = request;
  return { officeId, communityId, enterpriseId, parkId, category, submittedById };
}

/**
 * Finds likely duplicates at intake (`submit`, and each request recorded on a visit), by
 * Chinese-aware text similarity within the same enterprise (or park and category), records
 * them with their reason, merges near-identical ones into the earlier open request, and
 * refuses the same text submitted again and again with nothing new.
 *
 * @example
 * ```ts
 * import { createCommunity } from '@kechuang/community';
 * import { duplicates } from '@kechuang/plugin-duplicates';
 *
 * const community = createCommunity({ storage, plugins: [duplicates({ windowDays: 30, mergeAbove: 0.9 })] });
 * community.events.on('duplicates.suggested', ({ requestId, duplicateOfId, score, action }) => {
 *   console.log(`${requestId} ${action} → ${duplicateOfId} (${score})`);
 * });
 * ```
 *
 * @function
 */
export const duplicates = definePlugin({
  id: 'duplicates',
  version: '0.1.0',
  options: duplicatesOptions,
  schema: duplicatesSchema,
  events: { 'duplicates.suggested': duplicatesSuggestedEvent },
  errors: {
    REPEATED_REQUEST: {
      status: 409,
      description: 'The same enterprise (or member) already submitted this text the allowed number of times within the window, and this submission adds nothing new.',
    },
  },
  setup(ctx) {
    const { options, hooks } = ctx;
    // What the before hook read, by the input object it handed on; the transaction and after
    // hooks receive that same object. Weak, so a submission that fails leaves nothing behind.
    const prefetched = new WeakMap<object, EarlierRows>();
    const assessed = new WeakMap<object, Assessment>();
    const knownGuards = new Set<string>();

    // Reads outside the transaction, so the transaction stays short.
    hooks.before('submit', async ({ input, actor, officeId, read }) => {
      const place = placeOfInput.safeParse(input);
      if (!place.success) return;
      const probe: Probe = { officeId, ...place.data, submittedById: actor.member?.id ?? null };
      const rows = await readEarlier(read, probe, options);
      const subject = options.maxRepeats === null ? null : subjectOf(probe);
      if (subject) await ensureGuard(read, officeId, subject, knownGuards);
      const handedOn = { ...input };
      prefetched.set(handedOn, rows);
      return { input: handedOn };
    });

    // Decides inside the transaction, where the command's time is known and, under the
    // subject's guard, every earlier submission that committed is visible.
    hooks.transaction('submit', async ({ tx, request, input, officeId }) => {
      const probe = probeOf(request);
      const units = requestUnits(request);
      const key = textKey(joinUnits(units));
      const earlier = prefetched.get(input) ?? (await readEarlier(tx, probe, options));
      const subject = options.maxRepeats === null ? null : subjectOf(probe);
      let fresh: Row[] = [];
      if (subject && units.length > 0) {
        await takeGuard(tx, officeId, subject, request.id);
        const since = new Date(request.createdAt.getTime() - options.windowDays * DAY_MS);
        fresh = await tx.findMany({
          model: 'request',
          where: [...subject.where, { field: 'duplicatesTextKey', value: key }, { field: 'createdAt', op: 'gte', value: since }, { field: 'id', op: 'ne', value: request.id }],
          limit: options.maxCandidates,
        });
      }
      const newRequest = { ...request, attachmentHashes: request.attachments.map((a) => a.sha256) };
      const assessment = assessSubmission(newRequest, classify([...earlier.candidates, ...earlier.sameSubject, ...fresh], probe, options), options);
      if (assessment.refused && subject) {
        throw ctx.error('REPEATED_REQUEST', repeatRefusal(assessment.repeats, subject, options.windowDays), {
          repeats: assessment.repeats.map((r) => r.id),
          followUp: followUpTarget(assessment.repeats),
          windowDays: options.windowDays,
          maxRepeats: options.maxRepeats,
          // Whose repeats were counted, so a client can word the refusal in its own language.
          countedFor: subject.kind,
        });
      }
      await record(tx, request, assessment, key);
      assessed.set(input, assessment);
    });

    // A merge is a command of its own (the core's `merge`, as the system), so it runs once the
    // submission has committed.
    hooks.after('submit', async ({ input, request, officeId }) => {
      const assessment = assessed.get(input);
      const best = assessment?.mergeInto ?? assessment?.matches[0];
      if (!assessment || !best) return;
      let merged = false;
      let failure: unknown = null;
      if (assessment.mergeInto) {
        try {
          const target = assessment.mergeInto;
          const note = mergeNote(target, options.locale);
          await ctx.as({ kind: 'system', officeId }).requests.merge({ requestId: request.id, version: request.version, duplicateOfId: target.request.id, note });
          merged = true;
        } catch (error) {
          failure = error;
        }
      }
      ctx.emit('duplicates.suggested', {
        officeId,
        requestId: request.id,
        duplicateOfId: best.request.id,
        score: best.score,
        action: merged ? 'merged' : 'suggested',
        matches: assessment.matches.map((m) => ({ requestId: m.request.id, score: m.score })),
      });
      // Reported to the host's onListenerError; the submission itself stands.
      if (failure !== null) throw failure;
    });

    ctx.metrics.measure({
      name: 'duplicates.auto_merged',
      label: { 'zh-CN': '自动合并的重复诉求', en: 'Duplicates merged automatically' },
      field: 'closedAt',
      where: [
        { field: 'status', value: 'merged' },
        { field: 'duplicatesAction', value: 'merge' },
      ],
    });
    ctx.http.route(duplicatesRoute());
  },
});

/** Writes the matches and the request's fields through the submission's transaction. */
async function record(tx: StorageOperations, request: ServiceRequest, assessment: Assessment, key: string): Promise<void> {
  const { officeId } = request;
  const rows = assessment.matches.map((m) => ({
    id: `${request.id}/${m.request.id}`,
    officeId,
    requestId: request.id,
    matchedId: m.request.id,
    score: m.score,
    decision: (m === assessment.mergeInto ? 'merge' : 'suggest') satisfies DuplicatesDecision,
    matchedTitle: m.request.title,
    sharedText: m.sharedText.slice(0, SHARED_TEXT_CHARS),
    createdAt: request.createdAt,
  }));
  if (rows.length > 0) {
    if (tx.createMany) await tx.createMany({ model: 'duplicates_match', data: rows });
    else for (const data of rows) await tx.create({ model: 'duplicates_match', data });
  }
  // The request it is merged into, else the likeliest duplicate.
  const best = assessment.mergeInto ?? assessment.matches[0];
  const decision: DuplicatesDecision | null = best ? (assessment.mergeInto ? 'merge' : 'suggest') : null;
  await tx.update({
    model: 'request',
    where: [
      { field: 'officeId', value: officeId },
      { field: 'id', value: request.id },
    ],
    data: {
      duplicatesTextKey: key,
      duplicatesOf: best?.request.id ?? null,
      duplicatesScore: best?.score ?? null,
      duplicatesAction: decision,
      duplicatesMatches: best ? assessment.matches.map((m) => ({ requestId: m.request.id, score: m.score })) : null,
    },
  });
}


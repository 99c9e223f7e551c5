import { describe, expect, it } from 'vitest';
import { duplicatesWorld, refusal, type DuplicatesWorld } from './__fixtures__/duplicates-office.js';

const TITLE = '40余个项目尾款未结';
const BODY = '没有签合同，只有聊天记录';
const PDF = { name: '聊天记录.pdf', mediaType: 'application/pdf', size: 1024, sha256: 'a'.repeat(64), uri: 'blob://a' };
const PHOTO = { name: '对账单.jpg', mediaType: 'image/jpeg', size: 2048, sha256: 'b'.repeat(64), uri: 'blob://b' };

/** How many rows each model holds: what a refused submission must leave unchanged. */
async function counts(w: DuplicatesWorld) {
  const models = ['request', 'timeline_entry', 'timer', 'outbox', 'duplicates_match'];
  return Object.fromEntries(await Promise.all(models.map(async (model) => [model, await w.storage.count({ model })] as const)));
}

/** Submits the same text `n` times as the enterprise's contact, a day apart. */
async function repeat(w: DuplicatesWorld, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push((await w.as(w.members.contact.id).requests.submit(w.input(TITLE, BODY, { attachments: [PDF] }))).id);
    w.later();
  }
  return ids;
}

describe('repeated requests', () => {
  it('refuses the submission after maxRepeats with its own code, names the earlier ones and writes nothing', async () => {
    const w = await duplicatesWorld();
    const [first, second, third] = await repeat(w, 3);
    const before = await counts(w);
    // Punctuation, spacing and full-width letters do not make a text new.
    const error = await refusal(w.as(w.members.contact.id).requests.submit(w.input(`${TITLE}！！`, ' 没有签合同 只有聊天记录。', { attachments: [PDF] })), 'duplicates:REPEATED_REQUEST');
    expect(error.details).toMatchObject({ plugin: 'duplicates', status: 409, repeats: [first, second, third], followUp: first, windowDays: 30, maxRepeats: 3, countedFor: 'enterprise' });
    expect(error.message).toBe(
      `Submission refused: the same enterprise has already submitted this request 3 times in the last 30 days with the same text and nothing new (${first}, ${second}, ${third}). ` +
        `To submit it again, add what is new (an attachment, or changed details); otherwise follow up on request ${first} instead.`,
    );
    expect(await counts(w)).toEqual(before);
  });

  it('counts every submission in the window, the merged ones too, and only within the window', async () => {
    const w = await duplicatesWorld({ plugin: { maxRepeats: 2, windowDays: 10 } });
    const [first, second] = await repeat(w, 2);
    expect((await w.system.requests.get(second as string)).request).toMatchObject({ status: 'merged', duplicateOfId: first });
    await refusal(w.system.requests.submit(w.input(TITLE, BODY, { attachments: [PDF] })), 'duplicates:REPEATED_REQUEST');
    // Ten days after the first, only the second is still in the window.
    w.later(9);
    const accepted = await w.system.requests.submit(w.input(TITLE, BODY, { attachments: [PDF] }));
    expect(accepted.status).toBe('submitted');
  });

  it('accepts a repeat that adds a new attachment or changes an attribute', async () => {
    const w = await duplicatesWorld();
    await repeat(w, 3);
    const withPhoto = await w.system.requests.submit(w.input(TITLE, BODY, { attachments: [PDF, PHOTO] }));
    expect(withPhoto.id).toBeTruthy();
    const withAmount = await w.system.requests.submit(w.input(TITLE, BODY, { attachments: [PDF], attributes: { amount: 200000 } }));
    expect(withAmount.id).toBeTruthy();
    // The photo is no longer new: four earlier ones now carry nothing it lacks.
    await refusal(w.system.requests.submit(w.input(TITLE, BODY, { attachments: [PHOTO] })), 'duplicates:REPEATED_REQUEST');
  });

  it('accepts a changed text and another enterprise’s identical one', async () => {
    const w = await duplicatesWorld();
    await repeat(w, 3);
    expect((await w.system.requests.submit(w.input(TITLE, `${BODY}，对方已失联`, { attachments: [PDF] }))).id).toBeTruthy();
    expect((await w.system.requests.submit(w.input(TITLE, BODY, { attachments: [PDF], enterpriseId: w.ent3.id }))).id).toBeTruthy();
  });

  it('without an enterprise, counts the submitting member’s repeats', async () => {
    const w = await duplicatesWorld({ plugin: { maxRepeats: 1 } });
    const captain = w.as(w.members.captain.id);
    const park = { enterpriseId: null, parkId: w.park1.id, category: 'infrastructure' };
    const first = await captain.requests.submit(w.input('园区门口路灯不亮', '晚上很黑', park));
    const error = await refusal(captain.requests.submit(w.input('园区门口路灯不亮', '晚上很黑', park)), 'duplicates:REPEATED_REQUEST');
    expect(error.message).toContain(`you have already submitted this request once`);
    expect(error.message).toContain(`follow up on request ${first.id}`);
    // Another member reporting the same is not a repeat of the captain's (it is a duplicate, merged).
    const head = await w.as(w.members.stationHead.id).requests.submit(w.input('园区门口路灯不亮', '晚上很黑', park));
    expect((await w.system.requests.get(head.id)).request).toMatchObject({ status: 'merged', duplicateOfId: first.id });
  });

  it('never refuses with maxRepeats: null', async () => {
    const w = await duplicatesWorld({ plugin: { maxRepeats: null } });
    const ids = await repeat(w, 6);
    expect(ids).toHaveLength(6);
    expect(await w.storage.count({ model: 'duplicates_guard' })).toBe(0);
  });

  it('refuses a repeat recorded on a visit, and the whole visit with it', async () => {
    const w = await duplicatesWorld({ plugin: { maxRepeats: 1 } });
    await w.system.requests.submit(w.input(TITLE, BODY));
    const before = await counts(w);
    const visit = w.as(w.members.stationHead.id).visits.record({
      enterpriseId: w.ent1.id,
      summary: '走访数像科技',
      requests: [
        { category: 'policy', title: '咨询人才公寓申请条件' },
        { category: 'legal', title: TITLE, description: BODY },
      ],
    });
    await refusal(visit, 'duplicates:REPEATED_REQUEST');
    expect(await counts(w)).toEqual(before);
    expect(await w.storage.count({ model: 'visit' })).toBe(0);
  });
});

import { sqliteStorage } from '@kechuang/storage-sqlite';
import { expect, it } from 'vitest';
import { duplicatesWorld, refusal } from './__fixtures__/duplicates-office.js';
import { listDuplicates } from './duplicates-route.js';

const TITLE = '40余个项目尾款未结';
const BODY = '没有签合同，只有聊天记录';

it('on SQLite: a suggestion with its reason, an automatic merge, a refused repeat, and nothing across offices', async () => {
  const w = await duplicatesWorld({ storage: sqliteStorage({ filename: ':memory:' }) });
  const contact = w.as(w.members.contact.id);
  await w.other.system.requests.submit(w.other.input(TITLE, BODY));
  const first = await contact.requests.submit(w.input(TITLE, BODY));
  expect((await w.system.requests.get(first.id)).request.duplicatesOf).toBeNull();

  w.later();
  const reworded = await contact.requests.submit(w.input('有40多个项目的尾款一直未结', '没签合同，只有聊天记录'));
  expect((await w.system.requests.get(reworded.id)).request).toMatchObject({ status: 'submitted', duplicatesOf: first.id, duplicatesScore: 0.6222, duplicatesAction: 'suggest' });
  const [match] = await w.storage.findMany({ model: 'duplicates_match', where: [{ field: 'officeId', value: w.office.id }, { field: 'requestId', value: reworded.id }] });
  expect(match).toMatchObject({ matchedId: first.id, matchedTitle: TITLE, sharedText: '签合同只有聊天记录', decision: 'suggest', createdAt: new Date('2026-03-03T01:00:00Z') });
  expect((await listDuplicates(contact, reworded.id)).duplicates.map((d) => [d.requestId, d.score])).toEqual([[first.id, 0.6222]]);

  w.later();
  const again = await contact.requests.submit(w.input(`${TITLE}！`, '没有签合同，只有微信聊天记录'));
  const { request, timeline } = await w.system.requests.get(again.id);
  expect(request).toMatchObject({ status: 'merged', duplicateOfId: first.id, duplicatesAction: 'merge' });
  expect(timeline.at(-1)?.data['note']).toContain(`（编号 ${first.id}）`);

  // The first and two more with the same text: the fourth is one too many.
  await contact.requests.submit(w.input(TITLE, BODY));
  await contact.requests.submit(w.input(TITLE, BODY));
  const before = await w.storage.count({ model: 'request' });
  const error = await refusal(contact.requests.submit(w.input(TITLE, BODY)), 'duplicates:REPEATED_REQUEST');
  expect(error.details['followUp']).toBe(first.id);
  expect(await w.storage.count({ model: 'request' })).toBe(before);
  expect(w.reported).toEqual([]);
});

/** The languages verification explains itself in. */
export type AuditChainLocale = 'en' | 'zh-CN';

/** One sentence per way a chain can be broken; `#n` is entry number n. */
export interface ProblemWords {
  altered(seq: number): string;
  rehashed(seq: number, next: number): string;
  unreadable(seq: number): string;
  missing(seq: number, next: number): string;
  deletedRenumbered(seq: number, writtenAs: number): string;
  inserted(seq: number, count: number, movedTo: number): string;
  foreign(seq: number): string;
  pastHead(seq: number, headSeq: number): string;
  reordered(seq: number, writtenAs: number): string;
  movedAway(seq: number, nowAt: number): string;
  truncatedHead(headSeq: number, last: number): string;
  truncatedRequest(requestId: string, last: number): string;
  newestReplaced(seq: number): string;
  headMissing(seq: number, count: number): string;
  headRebuilt(seq: number): string;
  anchorStale(requestId: string, anchored: number, newest: number): string;
  anchorCleared(requestId: string, newest: number): string;
  requestGone(requestId: string, newest: number): string;
  intact(officeId: string, entries: number, head: string | null): string;
  broken(officeId: string, kind: string, message: string): string;
}

const en: ProblemWords = {
  altered: (seq) => `Entry #${seq} was changed after it was written: its contents no longer match its hash.`,
  rehashed: (seq, next) => `Entry #${seq} was changed and its hash worked out again: entry #${next}, written after it, no longer links to it.`,
  unreadable: (seq) => `Entry #${seq} was changed by hand: one of its columns holds a value no entry is ever written with.`,
  missing: (seq, next) =>
    `${next - seq > 1 ? `Entries #${seq} to #${next - 1} are` : `Entry #${seq} is`} missing: the chain goes from ${seq > 1 ? `#${seq - 1}` : 'its start'} straight to #${next}.`,
  deletedRenumbered: (seq, writtenAs) => `Entries were deleted before entry #${writtenAs} and the later ones renumbered: the entry now at #${seq} was written as #${writtenAs}.`,
  inserted: (seq, count, movedTo) =>
    `${count > 1 ? `${count} entries were` : 'An entry was'} inserted at #${seq}: the entry written as #${seq} now sits at #${movedTo}.`,
  foreign: (seq) => `Entry #${seq} does not belong to this office's chain: it links to no entry here. It was copied from another office or made up.`,
  pastHead: (seq, headSeq) =>
    `Entry #${seq} comes after the head record, which ends the chain at #${headSeq}. Entries are only ever written together with the head, so it was inserted by hand.`,
  reordered: (seq, writtenAs) => `Entry #${seq} is out of order: it was written as #${writtenAs}.`,
  movedAway: (seq, nowAt) => `Entry #${seq} is out of order: it now sits at #${nowAt}.`,
  truncatedHead: (headSeq, last) => `The newest entries were deleted: the head record says the chain reaches #${headSeq}, but it ends at #${last}.`,
  truncatedRequest: (requestId, last) =>
    `The newest entries were deleted: request ${requestId} records a newest entry that is no longer in the chain, which now ends at #${last}.`,
  newestReplaced: (seq) => `The newest entry, #${seq}, was replaced: its hash differs from the one the head record keeps.`,
  headMissing: (seq, count) => `The office's head record is missing although the chain has ${count} entries; entries after #${seq} may have been deleted with it.`,
  headRebuilt: (seq) => `The office's head record was deleted and rebuilt at entry #${seq}; entries after #${seq} may have been deleted before that.`,
  anchorStale: (requestId, anchored, newest) =>
    `Request ${requestId} records entry #${anchored} as its newest, but #${newest} is a later entry of that request: the request's row was put back to an older state.`,
  anchorCleared: (requestId, newest) => `Request ${requestId} has entries in the chain up to #${newest}, but its record of the newest one was removed.`,
  requestGone: (requestId, newest) => `Request ${requestId}, which has entries in the chain up to #${newest}, no longer exists.`,
  intact: (officeId, entries, head) =>
    entries === 0 ? `The audit chain of office ${officeId} is intact: it has no entries yet.` : `The audit chain of office ${officeId} is intact: ${entries} ${entries === 1 ? 'entry' : 'entries'}, newest hash ${head}.`,
  broken: (officeId, kind, message) => `The audit chain of office ${officeId} is broken (${kind}). ${message}`,
};

const zh: ProblemWords = {
  altered: (seq) => `第${seq}条记录写入后被改动过：内容与其哈希值不符。`,
  rehashed: (seq, next) => `第${seq}条记录被改动过，并重新计算了哈希值：其后的第${next}条记录已无法与它衔接。`,
  unreadable: (seq) => `第${seq}条记录被人为改动过：其中一栏的值是正常写入时不可能出现的。`,
  missing: (seq, next) =>
    `${next - seq > 1 ? `第${seq}至第${next - 1}条记录` : `第${seq}条记录`}缺失：审计链从${seq > 1 ? `第${seq - 1}条` : '开头'}直接跳到了第${next}条。`,
  deletedRenumbered: (seq, writtenAs) => `第${writtenAs}条之前有记录被删除，其后的记录被重新编号：现在的第${seq}条原本是第${writtenAs}条。`,
  inserted: (seq, count, movedTo) => `第${seq}条处被插入了${count}条记录：原来的第${seq}条现在排在第${movedTo}条。`,
  foreign: (seq) => `第${seq}条记录不属于本街道的审计链：它与本街道的任何记录都衔接不上，可能是从其他街道复制来的或伪造的。`,
  pastHead: (seq, headSeq) => `第${seq}条记录排在链头记录之后（链头记录显示审计链到第${headSeq}条为止）。记录只会与链头一同写入，因此这条记录是被人为插入的。`,
  reordered: (seq, writtenAs) => `第${seq}条记录的顺序被调换过：它写入时是第${writtenAs}条。`,
  movedAway: (seq, nowAt) => `第${seq}条记录的顺序被调换过：它现在排在第${nowAt}条。`,
  truncatedHead: (headSeq, last) => `最新的记录被删除了：链头记录显示审计链应到第${headSeq}条，实际只到第${last}条。`,
  truncatedRequest: (requestId, last) => `最新的记录被删除了：诉求${requestId}登记的最新记录已不在审计链中，审计链现在只到第${last}条。`,
  newestReplaced: (seq) => `最新的第${seq}条记录被替换过：其哈希值与链头记录保存的不一致。`,
  headMissing: (seq, count) => `本街道的链头记录缺失，而审计链中已有${count}条记录；第${seq}条之后的记录可能已一并被删除。`,
  headRebuilt: (seq) => `本街道的链头记录曾被删除，并在第${seq}条处重建；重建之前，第${seq}条之后的记录可能已被删除。`,
  anchorStale: (requestId, anchored, newest) => `诉求${requestId}登记的最新记录是第${anchored}条，但该诉求还有更晚的第${newest}条记录：诉求的数据被回退过。`,
  anchorCleared: (requestId, newest) => `诉求${requestId}在审计链中有记录（最新为第${newest}条），但诉求上登记的最新记录被清除了。`,
  requestGone: (requestId, newest) => `诉求${requestId}在审计链中有记录（最新为第${newest}条），但该诉求已不存在。`,
  intact: (officeId, entries, head) => (entries === 0 ? `街道${officeId}的审计链完好：目前还没有记录。` : `街道${officeId}的审计链完好：共${entries}条记录，最新哈希值为${head}。`),
  broken: (officeId, kind, message) => `街道${officeId}的审计链已被破坏（${KIND_ZH[kind] ?? kind}）。${message}`,
};

const KIND_ZH: Record<string, string> = {
  altered: '记录被改动',
  deleted: '记录被删除',
  inserted: '记录被插入',
  reordered: '顺序被调换',
  truncated: '最新记录被删除',
  anchor: '链头或诉求登记被改动',
};

/** The sentences of `locale`. */
export function problemWords(locale: AuditChainLocale): ProblemWords {
  return locale === 'zh-CN' ? zh : en;
}

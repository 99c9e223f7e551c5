import type { Match } from './assess-submission.js';
import type { EarlierRequest } from './earlier-request.js';
import type { DuplicatesOptions } from './duplicates-options.js';
import type { Subject } from './duplicates-scope.js';

/** The most characters of shared text quoted in a timeline note. */
const QUOTE_CHARS = 60;

function quote(text: string): string {
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text;
}

/**
 * The note the automatic merge writes on the merged request's timeline: which request it
 * duplicates, how alike they are and what they share.
 */
export function mergeNote(match: Match, locale: DuplicatesOptions['locale']): string {
  const percent = Math.round(match.score * 100);
  const { title, id } = match.request;
  if (locale === 'en') {
    return `Merged automatically as a duplicate of "${title}" (${id}): the wording is ${percent}% alike; both say "${quote(match.sharedText)}".`;
  }
  return `经查重，本诉求与诉求「${title}」（编号 ${id}）内容重复，文字相似度 ${percent}%，重合内容为“${quote(match.sharedText)}”，已自动合并办理。`;
}

/**
 * The request to follow up on instead of repeating: the earliest repeat still standing, or
 * the request the earliest one was merged into.
 */
export function followUpTarget(repeats: readonly EarlierRequest[]): string | null {
  const standing = repeats.find((r) => r.status !== 'merged' && r.status !== 'withdrawn');
  if (standing) return standing.id;
  return repeats.find((r) => r.duplicateOfId !== null)?.duplicateOfId ?? null;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** The refusal of a repeated submission, in plain words: what it repeats and what to do. */
export function repeatRefusal(repeats: readonly EarlierRequest[], subject: Subject, windowDays: number): string {
  const whose = subject.kind === 'enterprise' ? 'the same enterprise has' : 'you have';
  const ids = repeats.map((r) => r.id).join(', ');
  const target = followUpTarget(repeats);
  const followUp = target ? `follow up on request ${target}` : 'follow up on the earlier request';
  return (
    `Submission refused: ${whose} already submitted this request ${times(repeats.length)} in the last ${windowDays} days ` +
    `with the same text and nothing new (${ids}). To submit it again, add what is new (an attachment, or changed details); ` +
    `otherwise ${followUp} instead.`
  );
}

/** The duplicates plugin's words in the console: the request's panel, the intake note and the refusal of a repeat. */
import { defineTexts } from '../i18n.js';

const zh = {
  panel: {
    title: '可能重复',
    lead: '受理时系统自动查重，以下诉求与本诉求内容相近。',
    merged: (title: string, percent: string) => `本诉求与诉求「${title}」内容重复（文字相似度 ${percent}），已由系统自动合并，不再单独办理。`,
    mergedHidden: (percent: string) => `本诉求与另一条诉求内容重复（文字相似度 ${percent}），已由系统自动合并，不再单独办理。`,
    reason: '办理记录中的合并说明',
    suggested: '相似度未达到自动合并的标准，系统未作合并。请核实是否为同一事项；确属重复的，可合并到原诉求办理。',
    mergeFailed: '系统曾尝试将本诉求自动合并，但未能完成（原诉求可能已撤回或已合并）。请核实后人工处理。',
    score: (percent: string) => `相似度 ${percent}`,
    similarity: '文字相似度',
    filed: (date: string) => `${date} 受理`,
    original: '合并到此诉求',
    shared: (text: string) => `重合内容：“${text}”`,
  },
  intake: {
    merged: (title: string, percent: string) => `查重发现该诉求与「${title}」内容重复（文字相似度 ${percent}），已自动合并到该诉求，无需另行办理。`,
    suggested: (title: string, percent: string) => `查重发现该诉求可能与「${title}」重复（文字相似度 ${percent}），已提示承办人核实。`,
    hidden: (percent: string) => `查重发现该诉求与一条您无权查看的诉求相似（文字相似度 ${percent}）。`,
    open: '查看原诉求',
  },
  refusal: {
    title: '不予重复受理',
    body: (byEnterprise: boolean, times: number, days: number | null) =>
      `${byEnterprise ? '该企业' : '您'}${days === null ? '近期' : `近 ${days} 天内`}已以相同内容提交过 ${times} 次，本次没有补充新的材料或信息。`,
    advice: '如情况有新变化，请上传新的附件或修改相关信息后再提交；否则请跟进原诉求的办理。',
    followUp: '查看原诉求',
  },
};

const en: typeof zh = {
  panel: {
    title: 'Possible duplicates',
    lead: 'The duplicate check at intake found these requests close to this one.',
    merged: (title: string, percent: string) => `This request repeats "${title}" (wording ${percent} alike), so it was merged into it automatically and is not handled on its own.`,
    mergedHidden: (percent: string) => `This request repeats another one (wording ${percent} alike), so it was merged into it automatically and is not handled on its own.`,
    reason: 'Reason recorded on the timeline',
    suggested: 'Not alike enough to merge automatically, so nothing was merged. Check whether it is the same matter; if it is, merge it into the original.',
    mergeFailed: 'The duplicate check tried to merge this request but could not (the original may have been withdrawn or merged). Check it and decide by hand.',
    score: (percent: string) => `${percent} alike`,
    similarity: 'Similarity of the wording',
    filed: (date: string) => `filed ${date}`,
    original: 'merged into this one',
    shared: (text: string) => `Both say: "${text}"`,
  },
  intake: {
    merged: (title: string, percent: string) => `The duplicate check found it repeats "${title}" (wording ${percent} alike) and merged it into that request: it needs no handling of its own.`,
    suggested: (title: string, percent: string) => `The duplicate check found it may repeat "${title}" (wording ${percent} alike); the handler is asked to check.`,
    hidden: (percent: string) => `The duplicate check found it close to a request you may not see (wording ${percent} alike).`,
    open: 'Open that request',
  },
  refusal: {
    title: 'Not taken in: a repeated request',
    body: (byEnterprise: boolean, times: number, days: number | null) =>
      `${byEnterprise ? 'This enterprise has' : 'You have'} already submitted the same request ${times === 1 ? 'once' : times === 2 ? 'twice' : `${times} times`} ${days === null ? 'recently' : `in the last ${days} days`}, and this one adds nothing new.`,
    advice: 'If something has changed, add a new attachment or change the details and submit again; otherwise follow up on the earlier request.',
    followUp: 'Open the earlier request',
  },
};

/** The duplicates plugin's words in the language in force. */
export const useDuplicatesTexts = defineTexts({ 'zh-CN': zh, en });

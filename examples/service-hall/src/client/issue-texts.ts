/**
 * The server's field messages in the reader's language. The API speaks English (it is read
 * by integrators' logs as much as by people); the console words the common kinds of problem
 * in Chinese from the issue's code and the figures in its message, and keeps the server's
 * own words for anything it does not recognise.
 */
import type { Locale } from './i18n.js';

const PATTERNS: { test: RegExp; zh: (m: RegExpMatchArray) => string }[] = [
  { test: /expected string to have >=1 characters/i, zh: () => '此项必填' },
  { test: /expected string to have >=(\d+) characters/i, zh: (m) => `至少填写 ${m[1]} 个字符` },
  { test: /expected string to have <=(\d+) characters/i, zh: (m) => `最多 ${m[1]} 个字符，请删减` },
  { test: /expected (?:number|int) to be >=(-?[\d.]+)/i, zh: (m) => `不能小于 ${m[1]}` },
  { test: /expected (?:number|int) to be >(-?[\d.]+)/i, zh: (m) => `必须大于 ${m[1]}` },
  { test: /expected (?:number|int) to be <=(-?[\d.]+)/i, zh: (m) => `不能大于 ${m[1]}` },
  { test: /expected (?:number|int) to be <(-?[\d.]+)/i, zh: (m) => `必须小于 ${m[1]}` },
  { test: /^Say why the request is not yours \(at least (\d+) characters\)/i, zh: (m) => `请说明退单原因（至少 ${m[1]} 个字）` },
  { test: /^Say what was done \(at least (\d+) characters\)/i, zh: (m) => `请说明办理情况（至少 ${m[1]} 个字）` },
  { test: /^at most (\d+)$/i, zh: (m) => `最多 ${m[1]}` },
  { test: /^required when routing cannot choose/i, zh: () => '规则无法自动派单，请指定承办人' },
  { test: /^already the assignee/i, zh: () => '已经是当前承办人' },
  { test: /^is the lead/i, zh: () => '主办人不能同时协办' },
  { test: /expected array to have >=(\d+) items/i, zh: (m) => `至少选择 ${m[1]} 项` },
  { test: /expected array to have <=(\d+) items/i, zh: (m) => `最多 ${m[1]} 项` },
  { test: /^Required for category/i, zh: () => '此类别必须填写此项' },
  { test: /^Unknown category '([^']*)'/i, zh: (m) => `没有“${m[1]}”这个诉求类别，请从列表中选择` },
  { test: /has no attribute '([^']*)'/i, zh: (m) => `该类别没有“${m[1]}”这一项` },
  { test: /expected (?:a )?number|Expected a number/i, zh: () => '请填写数字' },
  { test: /received undefined/i, zh: () => '此项必填' },
  { test: /Expected true or false/i, zh: () => '请选择是或否' },
  { test: /Invalid option|is not one of|Expected one of|not among/i, zh: () => '请从列表中选择' },
  { test: /Unknown field/i, zh: () => '多余的字段，请删除' },
  { test: /Invalid UUID|Invalid (?:string|input): must match|Invalid format/i, zh: () => '格式不正确' },
];

/** A field's problem in the reader's language; the server's message when it is not one we know. */
export function issueText(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  for (const pattern of PATTERNS) {
    const found = message.match(pattern.test);
    if (found) return pattern.zh(found);
  }
  return message;
}

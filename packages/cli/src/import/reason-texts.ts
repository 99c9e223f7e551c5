/** The rejection reasons in zh-CN and en, as written into the rejects file and the summary. */
import type { CreditCodeProblem } from '@kechuang/community';
import type { Reason, RefModel } from './reasons.js';
import { roleNames } from './role-syntax.js';

/** The languages the CLI speaks. */
export type Lang = 'zh-CN' | 'en';

const models: Record<RefModel, Record<Lang, string>> = {
  community: { 'zh-CN': '社区', en: 'community' },
  park: { 'zh-CN': '园区', en: 'park' },
  building: { 'zh-CN': '楼宇', en: 'building' },
  team: { 'zh-CN': '团队', en: 'team' },
  enterprise: { 'zh-CN': '企业', en: 'enterprise' },
};

function creditCodeText(problem: CreditCodeProblem, value: string, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (problem.kind) {
    case 'length':
      return zh ? `统一社会信用代码应为18位，此处为${value.length}位` : `a unified social credit code has 18 characters, this one has ${value.length}`;
    case 'character': {
      const ch = value.charAt(problem.position - 1);
      return zh
        ? `第${problem.position}位字符“${ch}”无效，只能使用数字和大写字母（不含 I、O、Z、S、V）`
        : `character ${problem.position} ('${ch}') is not allowed: use digits and capital letters except I, O, Z, S and V`;
    }
    case 'authority':
      return zh ? `第1位“${value.charAt(0)}”不是登记管理部门代码（应为1–9、A、N或Y）` : `the first character ('${value.charAt(0)}') is not a registration authority code (1–9, A, N or Y)`;
    case 'division':
      return zh ? '第3–8位应为6位行政区划代码' : 'characters 3–8 must be the 6-digit administrative division code';
    case 'check_character':
      return zh
        ? `校验位应为“${problem.expected}”，实为“${problem.actual}”，请核对是否录入有误`
        : `the check character is '${problem.actual}' but should be '${problem.expected}'; the code was probably mistyped`;
  }
}

function text(reason: Reason, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const list = (values: readonly string[]): string => values.join(zh ? '、' : ', ');
  switch (reason.code) {
    case 'required':
      return zh ? '不能为空' : 'must not be empty';
    case 'too_long':
      return zh ? `不能超过${reason.max}个字符` : `must be at most ${reason.max} characters`;
    case 'too_many':
      return zh ? `最多${reason.max}项` : `at most ${reason.max} entries`;
    case 'bad_code':
      return zh
        ? `“${reason.value}”不是有效编码，只能使用字母、数字、“.”“_”“-”，并以字母或数字开头`
        : `'${reason.value}' is not a valid code: use letters, digits, '.', '_' or '-', starting with a letter or digit`;
    case 'credit_code':
      return creditCodeText(reason.problem, reason.value, lang);
    case 'bad_choice':
      return zh ? `“${reason.value}”无效，可填：${list(reason.allowed)}` : `'${reason.value}' is not allowed; use one of: ${list(reason.allowed)}`;
    case 'bad_number':
      return zh ? `“${reason.value}”应为${reason.min}至${reason.max}之间的整数` : `'${reason.value}' must be a whole number from ${reason.min} to ${reason.max}`;
    case 'bad_mobile':
      return zh ? `“${reason.value}”不是有效的11位手机号码` : `'${reason.value}' is not an 11-digit mainland mobile number`;
    case 'bad_email':
      return zh ? `“${reason.value}”不是有效的电子邮箱地址` : `'${reason.value}' is not an e-mail address`;
    case 'extra_cells':
      return zh
        ? `本行在表头各列之外还有${reason.count}个非空单元格`
        : `the row has ${reason.count === 1 ? 'a non-empty cell' : `${reason.count} non-empty cells`} beyond the header's columns`;
    case 'duplicate_in_file':
      return zh ? `“${reason.value}”与第${reason.line}行重复` : `'${reason.value}' repeats line ${reason.line}`;
    case 'unknown_ref':
      return zh ? `${models[reason.model][lang]}“${reason.value}”不存在` : `no ${models[reason.model][lang]} '${reason.value}' in your office`;
    case 'archived_ref':
      return zh ? `${models[reason.model][lang]}“${reason.value}”已归档` : `${models[reason.model][lang]} '${reason.value}' is archived`;
    case 'building_not_in_park':
      return zh
        ? `楼宇“${reason.building}”属于园区“${reason.actualPark}”，不属于园区“${reason.park}”`
        : `building '${reason.building}' is in park '${reason.actualPark}', not in '${reason.park}'`;
    case 'park_not_in_community':
      return zh
        ? `园区“${reason.park}”属于社区“${reason.actualCommunity}”，不属于社区“${reason.community}”`
        : `park '${reason.park}' is in community '${reason.actualCommunity}', not in '${reason.community}'`;
    case 'cannot_move':
      return zh
        ? `该${models[reason.model][lang]}现属于“${reason.from}”，导入不能将其改为“${reason.to}”`
        : `the ${models[reason.model][lang]} belongs to '${reason.from}'; an import cannot move it to '${reason.to}'`;
    case 'community_needs_name':
      return zh ? `社区“${reason.value}”不存在；如需新建，请在“社区名称”列填写其名称` : `community '${reason.value}' does not exist; to create it, give its name in a community_name (社区名称) column`;
    case 'community_needed':
      return zh ? `未填写园区时须填写社区编码（现有社区：${list(reason.communities)}）` : `give the community when no park is given (communities: ${list(reason.communities)})`;
    case 'role_unknown':
      return zh
        ? `无法识别的角色“${reason.value}”，可用：专员、站长、调度员、园区长、服务提供方、街道工作人员、企业联系人`
        : `unknown role '${reason.value}'; use commissioner, station_head, dispatcher, captain, provider, office_staff or enterprise_contact`;
    case 'role_needs_value':
      return zh ? `角色“${roleNames[reason.role].zh[0]}”需在冒号后注明${roleValueZh[reason.role]}` : `role '${reason.role}' needs ${roleValueEn[reason.role]} after ':'`;
    case 'role_one_value':
      return zh ? `角色“${roleNames[reason.role].zh[0]}”只能注明一个${roleValueZh[reason.role]}` : `role '${reason.role}' takes exactly one ${roleValueEn[reason.role]}`;
    case 'role_no_value':
      return zh ? `角色“${roleNames[reason.role].zh[0]}”不需要注明对象` : `role '${reason.role}' takes no value`;
    case 'unknown_portfolio':
      return zh ? `分管领域“${reason.value}”未配置，可填：${list(reason.allowed)}` : `no portfolio '${reason.value}' is configured; use one of: ${list(reason.allowed)}`;
    case 'conflict':
      return zh ? '导入期间该记录已被他人修改，请重新导入' : 'the record was changed by someone else during the import; import the file again';
    case 'duplicate_record':
      return zh ? `编码“${reason.value}”已被占用（可能正被同时导入）` : `code '${reason.value}' is already taken (perhaps by a concurrent import)`;
    case 'refused':
      return zh ? `系统拒绝写入：${reason.message}` : `refused: ${reason.message}`;
  }
}

const roleValueZh: Record<string, string> = {
  commissioner: '分管领域',
  captain: '园区编码',
  provider: '团队编码',
  enterprise_contact: '企业统一社会信用代码',
};
const roleValueEn: Record<string, string> = {
  commissioner: 'a portfolio',
  captain: 'park codes',
  provider: 'a team code',
  enterprise_contact: "the enterprise's credit code",
};

/**
 * One reason as a sentence, prefixed with the column it concerns as the file names it.
 *
 * @example
 * ```ts
 * renderReason({ code: 'required', column: 'name' }, 'zh-CN', () => '企业名称'); // '企业名称：不能为空'
 * ```
 */
export function renderReason(reason: Reason, lang: Lang, label: (column: string) => string): string {
  const body = text(reason, lang);
  const column = 'column' in reason ? label(reason.column) : reason.code === 'refused' ? reason.path : undefined;
  if (column === undefined) return body;
  return lang === 'zh-CN' ? `${column}：${body}` : `${column}: ${body}`;
}

/** All of a row's reasons in one cell. */
export function renderReasons(reasons: readonly Reason[], lang: Lang, label: (column: string) => string): string {
  return reasons.map((r) => renderReason(r, lang, label)).join(lang === 'zh-CN' ? '；' : '; ');
}

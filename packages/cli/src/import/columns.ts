/**
 * The columns each import understands. Offices name them in Chinese or in English; the first
 * name in each list is the one shown in messages and templates.
 */

/** What can be imported. */
export const importKinds = ['parks', 'buildings', 'enterprises', 'members'] as const;
export type ImportKind = (typeof importKinds)[number];

/** One column of an import file. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  /** Accepted Chinese headers, the usual one first. */
  zh: readonly string[];
  /** Accepted English headers, the usual one first (matched ignoring case, spaces and "-"). */
  en: readonly string[];
  /** A file without this column is refused before any row is read. */
  required: boolean;
}

export type ParkColumn = 'code' | 'name' | 'community' | 'community_name' | 'kind' | 'address';
export type BuildingColumn = 'code' | 'name' | 'park' | 'floors';
export type EnterpriseColumn = 'credit_code' | 'name' | 'community' | 'park' | 'building' | 'industry' | 'size' | 'tags';
export type MemberColumn = 'code' | 'name' | 'mobile' | 'email' | 'roles' | 'status';

export const parkColumns: readonly ColumnSpec<ParkColumn>[] = [
  { key: 'code', zh: ['园区编码', '编码'], en: ['code', 'park_code'], required: true },
  { key: 'name', zh: ['园区名称', '名称'], en: ['name', 'park_name'], required: true },
  { key: 'community', zh: ['所属社区编码', '社区编码'], en: ['community', 'community_code'], required: true },
  { key: 'community_name', zh: ['社区名称', '所属社区名称', '所属社区'], en: ['community_name'], required: false },
  { key: 'kind', zh: ['类型', '园区类型'], en: ['kind', 'type'], required: false },
  { key: 'address', zh: ['地址', '园区地址'], en: ['address'], required: false },
];

export const buildingColumns: readonly ColumnSpec<BuildingColumn>[] = [
  { key: 'code', zh: ['楼宇编码', '编码'], en: ['code', 'building_code'], required: true },
  { key: 'name', zh: ['楼宇名称', '名称'], en: ['name', 'building_name'], required: true },
  { key: 'park', zh: ['园区编码', '所属园区编码'], en: ['park', 'park_code'], required: true },
  { key: 'floors', zh: ['层数', '楼层数'], en: ['floors'], required: false },
];

export const enterpriseColumns: readonly ColumnSpec<EnterpriseColumn>[] = [
  { key: 'credit_code', zh: ['统一社会信用代码', '信用代码'], en: ['credit_code', 'unified_social_credit_code'], required: true },
  { key: 'name', zh: ['企业名称', '名称'], en: ['name', 'enterprise_name'], required: true },
  { key: 'community', zh: ['社区编码', '所属社区编码'], en: ['community', 'community_code'], required: false },
  { key: 'park', zh: ['园区编码', '所属园区编码'], en: ['park', 'park_code'], required: false },
  { key: 'building', zh: ['楼宇编码', '所属楼宇编码'], en: ['building', 'building_code'], required: false },
  { key: 'industry', zh: ['行业', '所属行业'], en: ['industry'], required: false },
  { key: 'size', zh: ['规模', '企业规模'], en: ['size'], required: false },
  { key: 'tags', zh: ['标签', '企业标签'], en: ['tags'], required: false },
];

export const memberColumns: readonly ColumnSpec<MemberColumn>[] = [
  { key: 'code', zh: ['工号', '编号'], en: ['code', 'staff_number'], required: true },
  { key: 'name', zh: ['姓名'], en: ['name'], required: true },
  { key: 'mobile', zh: ['手机', '手机号', '手机号码'], en: ['mobile', 'phone'], required: false },
  { key: 'email', zh: ['邮箱', '电子邮箱'], en: ['email', 'e_mail'], required: false },
  { key: 'roles', zh: ['角色'], en: ['roles', 'role'], required: true },
  { key: 'status', zh: ['状态'], en: ['status'], required: false },
];

/**
 * Columns a rejects file adds (行号/line, 原因/reason). They are ignored on import, so a
 * corrected rejects file can be imported as it is.
 */
export const rejectsColumns = { line: { zh: '行号', en: 'line' }, reason: { zh: '原因', en: 'reason' } } as const;

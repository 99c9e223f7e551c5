import type { Messages } from '../locale.js';
import type { ImportKind } from '../import/columns.js';
import type { HeaderProblem } from '../import/header-map.js';

interface ImportTally {
  accepted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  total: number;
}

interface ImportMessages {
  description: string;
  kind: string;
  file: string;
  rejects: string;
  dryRun: string;
  encoding: string;
  help: string;
  progress: (kind: ImportKind) => string;
  fileMissing: (file: string) => string;
  notAFile: (file: string) => string;
  badEncoding: (value: string) => string;
  rejectsIsInput: string;
  cannotWriteRejects: (file: string, reason: string) => string;
  headerRefused: (kind: ImportKind, file: string) => string;
  headerProblem: (problem: HeaderProblem, label: (key: string) => string) => string;
  expected: (columns: string) => string;
  csvSyntax: (file: string, line: number | undefined, detail: string) => string;
  storageFailed: (message: string) => string;
  title: (kind: ImportKind, file: string, encoding: string, dryRun: boolean) => string;
  tally: (t: ImportTally, n: (value: number) => string) => string;
  seconds: (seconds: string) => string;
  communitiesCreated: (codes: string) => string;
  rejectedHead: string;
  rejectedLine: (line: number, reasons: string) => string;
  rejectedMore: (count: number) => string;
  rejectsWritten: (file: string) => string;
  nothingRejected: string;
  dryRunNote: string;
}

const kindsZh = { parks: '园区', buildings: '楼宇', enterprises: '企业', members: '人员' } as const;
const kindsEn = { parks: 'parks', buildings: 'buildings', enterprises: 'enterprises', members: 'members' } as const;

/** Texts of `kechuang import`; the rejection reasons themselves are in import/reason-texts.ts. */
export const importMessages: Messages<ImportMessages> = {
  'zh-CN': {
    description: '从 CSV 文件导入园区、楼宇、企业或人员名录（UTF-8 或 GBK 编码；按编码更新，重复导入不会重复写入）',
    kind: '导入内容：parks（园区）、buildings（楼宇）、enterprises（企业）、members（人员）',
    file: 'CSV 文件（可直接使用 Excel 另存的 CSV）',
    rejects: '被拒绝行的输出文件（默认为“<文件>.rejects.csv”，与导入文件同目录）',
    dryRun: '只检查、报告结果，不写入数据库',
    encoding: '指定文件编码：utf8 或 gbk（默认自动识别）',
    help: `
各类文件的列（表头可用中文或英文，* 为必填）：
  parks        园区编码*/code、园区名称*/name、所属社区编码*/community、社区名称/community_name、
               类型/kind（园区、厂区）、地址/address
  buildings    楼宇编码*/code（如 P01-B02）、楼宇名称*/name、园区编码*/park、层数/floors
  enterprises  统一社会信用代码*/credit_code、企业名称*/name、社区编码/community、园区编码/park、
               楼宇编码/building、行业/industry、规模/size（大型、中型、小型、微型）、标签/tags（以；分隔）
  members      工号*/code、姓名*/name、手机/mobile、邮箱/email、角色*/roles、状态/status（在岗、暂离、离职）

角色写法：多个角色以分号分隔，对象写在冒号后，例如
  专员:经济发展; 园区长:P01,P02; 服务提供方:LEGAL; 站长
  commissioner:economic_development; captain:P01,P02; provider:LEGAL; station_head
  其余角色：调度员/dispatcher、街道工作人员/office_staff、企业联系人/enterprise_contact:信用代码

说明：
  · 园区、楼宇、人员按编码（工号）对应，企业按统一社会信用代码对应：已存在的记录只更新有变化的字段，
    与库中一致的行不写入，因此同一文件重复导入不会产生任何改动。
  · 每行单独写入，某行被拒绝不影响其他行；被拒绝的行连同行号和原因写入 rejects 文件，
    修改后可直接再次导入。
  · 文件中没有的列保持原值；有该列但单元格为空，则清空该字段（类型、状态留空时保持原值）。
  · parks 文件中的社区不存在时，若填写了社区名称则自动新建。

退出码：0 全部导入；1 有行被拒绝；2 用法或表头有误；3 文件或街道不存在；4 数据库无法打开。

示例：
  $ kechuang import parks 园区名录.csv
  $ kechuang import enterprises 企业名录.csv --dry-run
  $ kechuang import members 人员.csv --rejects 人员-问题行.csv
  $ kechuang import enterprises 企业名录.csv --db postgres://kechuang@db/kechuang --office cangqian`,
    progress: (kind) => `导入${kindsZh[kind]}`,
    fileMissing: (file) => `找不到文件 ${file}，请检查路径。`,
    notAFile: (file) => `${file} 不是文件。`,
    badEncoding: (value) => `不支持的编码“${value}”，请使用 utf8 或 gbk。`,
    rejectsIsInput: '--rejects 不能指向要导入的文件本身，请另选文件名。',
    cannotWriteRejects: (file, reason) => `无法写入被拒绝行文件 ${file}（${reason}）。导入结果见上方统计，可用 --rejects 另选位置后重新导入以生成该文件。`,
    headerRefused: (kind, file) => `${file} 的表头不符合${kindsZh[kind]}导入的要求，未导入任何行：`,
    headerProblem: (problem, label) => {
      switch (problem.kind) {
        case 'unknown':
          return `无法识别的列“${problem.header}”`;
        case 'missing':
          return `缺少必填列“${label(problem.key)}”`;
        case 'duplicate':
          return `列“${problem.headers[0]}”与“${problem.headers[1]}”重复`;
        case 'empty':
          return '文件为空或缺少表头行';
      }
    },
    expected: (columns) => `可用的列（* 为必填）：${columns}`,
    csvSyntax: (file, line, detail) => `${file}${line === undefined ? '' : ` 第 ${line} 行附近`}不是有效的 CSV，未导入任何行：${detail}`,
    storageFailed: (message) => `写入数据库失败，导入已中止：${message}。已写入的行不受影响，修复后重新导入即可。`,
    title: (kind, file, encoding, dryRun) => `${dryRun ? '试导入' : '导入'}${kindsZh[kind]}：${file}（${encoding} 编码）`,
    tally: (t, n) => `  新增 ${n(t.accepted)} 条 · 更新 ${n(t.updated)} 条 · 未变 ${n(t.unchanged)} 条 · 拒绝 ${n(t.rejected)} 条（共 ${n(t.total)} 行）`,
    seconds: (s) => `  用时 ${s} 秒`,
    communitiesCreated: (codes) => `  新建社区：${codes}`,
    rejectedHead: '被拒绝的行：',
    rejectedLine: (line, reasons) => `  第 ${line} 行：${reasons}`,
    rejectedMore: (count) => `  ……另有 ${count} 行，详见 rejects 文件`,
    rejectsWritten: (file) => `被拒绝的行及原因已写入 ${file}，修改后可再次导入。`,
    nothingRejected: '没有被拒绝的行。',
    dryRunNote: '试导入：以上为预计结果，未写入数据库。',
  },
  en: {
    description: 'import parks, buildings, enterprises or members from a CSV file (UTF-8 or GBK; matched by code, so importing a file again changes nothing)',
    kind: 'what to import: parks, buildings, enterprises or members',
    file: 'the CSV file (as Excel saves it)',
    rejects: 'where to write the rejected rows (default: "<file>.rejects.csv" beside the file)',
    dryRun: 'check and report only; write nothing',
    encoding: "the file's encoding: utf8 or gbk (default: detected)",
    help: `
Columns (headers in Chinese or English; * required):
  parks        code*/园区编码, name*/园区名称, community*/所属社区编码, community_name/社区名称,
               kind/类型 (park, factory_area), address/地址
  buildings    code*/楼宇编码 (e.g. P01-B02), name*/楼宇名称, park*/园区编码, floors/层数
  enterprises  credit_code*/统一社会信用代码, name*/企业名称, community/社区编码, park/园区编码,
               building/楼宇编码, industry/行业, size/规模 (large, medium, small, micro), tags/标签 (separated by ;)
  members      code*/工号, name*/姓名, mobile/手机, email/邮箱, roles*/角色, status/状态 (active, away, left)

Roles: separated by ";", with what a role applies to after ":", e.g.
  commissioner:economic_development; captain:P01,P02; provider:LEGAL; station_head
  others: dispatcher, office_staff, enterprise_contact:<credit code> (Chinese names work too: 专员, 园区长 …)

Notes:
  · Parks, buildings and members are matched by code, enterprises by credit code: a stored record
    gets only the fields that differ, and a row equal to it is not written, so importing the same
    file again changes nothing.
  · Each row is written on its own; a rejected row does not stop the others. Rejected rows go to the
    rejects file with their line and reasons; fix them there and import that file.
  · A column the file lacks leaves the field as it is; an empty cell clears the field (an empty kind
    or status keeps it).
  · In a parks file, a community that does not exist is created when its name is given.

Exit codes: 0 all imported; 1 some rows rejected; 2 usage or header problem; 3 file or office not found; 4 database unavailable.

Examples:
  $ kechuang import parks parks.csv
  $ kechuang import enterprises enterprises.csv --dry-run
  $ kechuang import members members.csv --rejects members-problems.csv
  $ kechuang import enterprises enterprises.csv --db postgres://kechuang@db/kechuang --office cangqian`,
    progress: (kind) => `Importing ${kindsEn[kind]}`,
    fileMissing: (file) => `No file ${file}; check the path.`,
    notAFile: (file) => `${file} is not a file.`,
    badEncoding: (value) => `Unsupported encoding '${value}'; use utf8 or gbk.`,
    rejectsIsInput: '--rejects must not name the file being imported; choose another name.',
    cannotWriteRejects: (file, reason) => `Cannot write the rejects file ${file} (${reason}). The import's figures are above; import again with --rejects elsewhere to get the file.`,
    headerRefused: (kind, file) => `The header row of ${file} does not fit an import of ${kindsEn[kind]}; no row was imported:`,
    headerProblem: (problem, label) => {
      switch (problem.kind) {
        case 'unknown':
          return `unknown column '${problem.header}'`;
        case 'missing':
          return `required column '${label(problem.key)}' is missing`;
        case 'duplicate':
          return `columns '${problem.headers[0]}' and '${problem.headers[1]}' are the same column`;
        case 'empty':
          return 'the file is empty or has no header row';
      }
    },
    expected: (columns) => `Columns (* required): ${columns}`,
    csvSyntax: (file, line, detail) => `${file} is not valid CSV${line === undefined ? '' : ` near line ${line}`}; no row was imported: ${detail}`,
    storageFailed: (message) => `Writing to the database failed; the import stopped: ${message}. Rows already written stay; import the file again once it is fixed.`,
    title: (kind, file, encoding, dryRun) => `${dryRun ? 'Dry run: import' : 'Imported'} ${kindsEn[kind]} from ${file} (${encoding})`,
    tally: (t, n) => `  accepted ${n(t.accepted)} · updated ${n(t.updated)} · unchanged ${n(t.unchanged)} · rejected ${n(t.rejected)} (${n(t.total)} rows)`,
    seconds: (s) => `  in ${s} s`,
    communitiesCreated: (codes) => `  communities created: ${codes}`,
    rejectedHead: 'Rejected rows:',
    rejectedLine: (line, reasons) => `  line ${line}: ${reasons}`,
    rejectedMore: (count) => `  … and ${count} more in the rejects file`,
    rejectsWritten: (file) => `Rejected rows and their reasons were written to ${file}; fix them there and import that file.`,
    nothingRejected: 'No rows were rejected.',
    dryRunNote: 'Dry run: these are the expected results; nothing was written.',
  },
};

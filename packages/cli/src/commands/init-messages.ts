import type { Messages } from '../locale.js';

export const initMessages: Messages<{
  description: string;
  dir: string;
  officeCode: string;
  officeName: string;
  communityCode: string;
  communityName: string;
  force: string;
  examples: string;
  defaultOfficeName: string;
  defaultCommunityName: string;
  exists: (file: string) => string;
  wroteConfig: (file: string) => string;
  schema: (ref: string) => string;
  database: (where: string) => string;
  officeCreated: (code: string, name: string) => string;
  officeKept: (code: string) => string;
  communityCreated: (code: string, name: string) => string;
  teamCreated: (code: string, name: string) => string;
  configStored: (version: number) => string;
  next: (cd: string | null) => string;
}> = {
  'zh-CN': {
    description: '在目录中生成带注释的 kechuang.config.yaml，并创建 SQLite 数据库和街道',
    dir: '目标目录（默认当前目录，不存在时自动创建）',
    officeCode: '街道编码（默认取目录名）',
    officeName: '街道名称（默认“我的街道”）',
    communityCode: '首个社区的编码（默认 C01）',
    communityName: '首个社区的名称（默认“科创社区”）',
    force: '覆盖已有的 kechuang.config.yaml',
    examples: `
示例：
  $ kechuang init my-office
  $ kechuang init cangqian --office-code cangqian --office-name 仓前街道 --community-code MC --community-name 梦创社区
  $ kechuang init . --force`,
    defaultOfficeName: '我的街道',
    defaultCommunityName: '科创社区',
    exists: (file) => `${file} 已存在，未作改动。如需覆盖，请加 --force。`,
    wroteConfig: (file) => `已生成配置文件 ${file}`,
    schema: (ref) => `  编辑器提示所用的 JSON Schema：${ref}`,
    database: (where) => `数据库：${where}`,
    officeCreated: (code, name) => `  已创建街道 ${name}（编码 ${code}）`,
    officeKept: (code) => `  街道 ${code} 已存在，沿用`,
    communityCreated: (code, name) => `  已创建社区 ${name}（编码 ${code}）`,
    teamCreated: (code, name) => `  已创建服务团队 ${name}（编码 ${code}）`,
    configStored: (version) => `  配置已生效（第 ${version} 版）`,
    next: (cd) => `
下一步：
${cd === null ? '' : `  cd ${cd}\n`}  kechuang check                       检查配置
  kechuang demo                        载入梦创社区演示数据和一年的诉求
  kechuang import parks parks.csv      导入园区名录（另有 buildings、enterprises、members）
  kechuang route --explain --text "40余个项目尾款未结" --category legal`,
  },
  en: {
    description: 'write a commented kechuang.config.yaml into a directory and create the SQLite database with the office',
    dir: 'the directory (default: the current one; created if missing)',
    officeCode: "the office's code (default: the directory's name)",
    officeName: "the office's name (default: My street office)",
    communityCode: "the first community's code (default C01)",
    communityName: "the first community's name (default: Tech-innovation community)",
    force: 'overwrite an existing kechuang.config.yaml',
    examples: `
Examples:
  $ kechuang init my-office
  $ kechuang init cangqian --office-code cangqian --office-name 仓前街道 --community-code MC --community-name 梦创社区
  $ kechuang init . --force`,
    defaultOfficeName: 'My street office',
    defaultCommunityName: 'Tech-innovation community',
    exists: (file) => `${file} already exists and was left alone. Add --force to overwrite it.`,
    wroteConfig: (file) => `Wrote ${file}`,
    schema: (ref) => `  JSON Schema for editor completion: ${ref}`,
    database: (where) => `Database: ${where}`,
    officeCreated: (code, name) => `  created the office ${name} (code ${code})`,
    officeKept: (code) => `  the office ${code} exists already; kept it`,
    communityCreated: (code, name) => `  created the community ${name} (code ${code})`,
    teamCreated: (code, name) => `  created the team ${name} (code ${code})`,
    configStored: (version) => `  the config is in force (version ${version})`,
    next: (cd) => `
Next steps:
${cd === null ? '' : `  cd ${cd}\n`}  kechuang check                       check the config
  kechuang demo                        load the Mengchuang demo community and its year of requests
  kechuang import parks parks.csv      import parks (also buildings, enterprises, members)
  kechuang route --explain --text "40余个项目尾款未结" --category legal`,
  },
};

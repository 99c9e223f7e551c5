import type { Messages } from '../locale.js';

export interface CalendarMessages {
  description: string;
  dueDescription: string;
  checkDescription: string;
  from: string;
  days: string;
  hours: string;
  config: string;
  json: string;
  file: string;
  dueExamples: string;
  checkExamples: string;
  oneLimit: string;
  badFrom: (text: string) => string;
  badDays: (text: string) => string;
  badHours: (text: string) => string;
  calendarFrom: (source: string) => string;
  mainlandDefault: string;
  fromLine: string;
  limitLine: string;
  dueLine: string;
  daysLine: string;
  workingDays: (n: number) => string;
  workingHours: (n: number) => string;
  startDay: string;
  weekend: string;
  holiday: (name: string | undefined) => string;
  makeUp: (name: string | undefined) => string;
  counted: (n: number) => string;
  hoursCounted: (hours: string) => string;
  skipped: string;
  noTime: string;
  missing: (file: string) => string;
  problems: (file: string, count: number) => string;
  ok: (file: string) => string;
  yearSummary: (year: number, holidays: number, workdays: number) => string;
  syntax: (message: string) => string;
  notAnObject: string;
  workdayNotWeekend: (date: string) => string;
  listedTwice: (date: string, list: 'holidays' | 'workdays', first: number) => string;
  unknownKey: (key: string) => string;
}

export const calendarMessages: Messages<CalendarMessages> = {
  'zh-CN': {
    description: '工作日历：计算办理期限，检查新一年的节假日数据',
    dueDescription: '按工作日或工作小时计算期限，并列出跳过的日期及原因',
    checkDescription: '检查新一年的节假日和调休数据（YAML 或 JSON），逐条列出问题所在的行和列',
    from: '起算时间，如 "2026-09-30 16:00"（按街道时区）或带时区的 ISO 时间',
    days: '工作日数（起算当日不计入）',
    hours: '工作小时数',
    config: '配置文件，取其中的 calendar（默认 ./kechuang.config.yaml，不存在时用全国默认日历）',
    json: '以 JSON 输出',
    file: '节假日数据文件：holidays、workdays 两个列表，写法同配置文件的 calendar 部分',
    dueExamples: `
示例：
  $ kechuang calendar due --from "2026-09-30 16:00" --days 3
  $ kechuang calendar due --from "2025-10-10 16:00" --hours 4
  $ kechuang calendar due --from 2026-02-13T09:00+08:00 --days 5 --config kechuang.config.yaml`,
    checkExamples: `
示例：
  $ kechuang calendar check holidays-2027.yaml
文件内容示例：
  holidays:
    - { from: '2027-02-06', to: '2027-02-13', name: 春节 }
  workdays:
    - { date: '2027-02-20', name: 春节调休 }
退出码 0 表示数据无误，1 表示发现问题。`,
    oneLimit: '请给出 --days 或 --hours 其中之一。',
    badFrom: (text) => `无法识别时间 ${text}，请写成 "2026-09-30 16:00" 或带时区的 ISO 时间。`,
    badDays: (text) => `--days 应为非负整数，收到 ${text}。`,
    badHours: (text) => `--hours 应为正数，收到 ${text}。`,
    calendarFrom: (source) => `日历：${source}`,
    mainlandDefault: '全国默认日历（cn-mainland，Asia/Shanghai，08:30-12:00、13:30-17:30）',
    fromLine: '起算',
    limitLine: '时限',
    dueLine: '期限',
    daysLine: '逐日说明：',
    workingDays: (n) => `${n} 个工作日`,
    workingHours: (n) => `${n} 个工作小时`,
    startDay: '起算当日，不计入',
    weekend: '周末，跳过',
    holiday: (name) => `节假日${name === undefined ? '' : `（${name}）`}，跳过`,
    makeUp: (name) => `调休上班${name === undefined ? '' : `（${name}）`}`,
    counted: (n) => `第 ${n} 个工作日`,
    hoursCounted: (hours) => `计入 ${hours} 小时`,
    skipped: '跳过',
    noTime: '工作日，但不在办公时间内',
    missing: (file) => `未找到文件 ${file}。`,
    problems: (file, count) => `${file}：发现 ${count} 处问题。`,
    ok: (file) => `${file}：数据无误。`,
    yearSummary: (year, holidays, workdays) => `  ${year} 年：节假日 ${holidays} 天，调休上班 ${workdays} 天`,
    syntax: (message) => `语法错误：${message}`,
    notAnObject: '应为包含 holidays、workdays 列表的对象',
    workdayNotWeekend: (date) => `${date} 本来就是工作日；调休上班日应为周末`,
    listedTwice: (date, list, first) => `${date} 在 ${list} 中重复出现（已见于第 ${first + 1} 项）`,
    unknownKey: (key) => `未知字段 ${key}；只能写 holidays、workdays（以及 extends、timeZone、officeHours、weekend）`,
  },
  en: {
    description: 'the working calendar: deadlines, and checking a new year of holiday data',
    dueDescription: 'the deadline N working days or hours from a time, and the days skipped with why',
    checkDescription: "check a new year's holidays and make-up workdays (YAML or JSON), each problem with its line and column",
    from: 'the start, e.g. "2026-09-30 16:00" (in the office\'s zone) or ISO 8601 with an offset',
    days: 'working days (the start day never counts)',
    hours: 'working hours',
    config: "the config whose calendar is used (default ./kechuang.config.yaml; the mainland default when there is none)",
    json: 'print JSON',
    file: 'the holiday data: holidays and workdays lists, written as in the config\'s calendar section',
    dueExamples: `
Examples:
  $ kechuang calendar due --from "2026-09-30 16:00" --days 3
  $ kechuang calendar due --from "2025-10-10 16:00" --hours 4
  $ kechuang calendar due --from 2026-02-13T09:00+08:00 --days 5 --config kechuang.config.yaml`,
    checkExamples: `
Examples:
  $ kechuang calendar check holidays-2027.yaml
The file looks like:
  holidays:
    - { from: '2027-02-06', to: '2027-02-13', name: 春节 }
  workdays:
    - { date: '2027-02-20', name: 春节调休 }
Exit code 0 means the data is valid, 1 that problems were found.`,
    oneLimit: 'Give either --days or --hours.',
    badFrom: (text) => `Cannot read the time ${text}; write it as "2026-09-30 16:00" or as ISO 8601 with an offset.`,
    badDays: (text) => `--days must be a whole number, 0 or more; got ${text}.`,
    badHours: (text) => `--hours must be a positive number; got ${text}.`,
    calendarFrom: (source) => `Calendar: ${source}`,
    mainlandDefault: 'the mainland default (cn-mainland, Asia/Shanghai, 08:30-12:00 and 13:30-17:30)',
    fromLine: 'From',
    limitLine: 'Limit',
    dueLine: 'Due',
    daysLine: 'Day by day:',
    workingDays: (n) => `${n} working ${n === 1 ? 'day' : 'days'}`,
    workingHours: (n) => `${n} working ${n === 1 ? 'hour' : 'hours'}`,
    startDay: 'the start day, not counted',
    weekend: 'weekend, skipped',
    holiday: (name) => `holiday${name === undefined ? '' : ` (${name})`}, skipped`,
    makeUp: (name) => `make-up workday${name === undefined ? '' : ` (${name})`}`,
    counted: (n) => `working day ${n}`,
    hoursCounted: (hours) => `${hours} h counted`,
    skipped: 'skipped',
    noTime: 'a working day, outside office hours',
    missing: (file) => `No file at ${file}.`,
    problems: (file, count) => `${file}: ${count} ${count === 1 ? 'problem' : 'problems'} found.`,
    ok: (file) => `${file}: the data is valid.`,
    yearSummary: (year, holidays, workdays) => `  ${year}: ${holidays} holiday ${holidays === 1 ? 'day' : 'days'}, ${workdays} make-up ${workdays === 1 ? 'workday' : 'workdays'}`,
    syntax: (message) => `syntax error: ${message}`,
    notAnObject: 'expected an object with holidays and workdays lists',
    workdayNotWeekend: (date) => `${date} is a working day anyway; make-up workdays fall on weekends`,
    listedTwice: (date, list, first) => `${date} is listed twice in ${list} (first in entry ${first + 1})`,
    unknownKey: (key) => `unknown key ${key}; only holidays and workdays (and extends, timeZone, officeHours, weekend) belong here`,
  },
};

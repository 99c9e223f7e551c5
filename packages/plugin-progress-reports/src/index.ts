export { progressReports, PROGRESS_REPORT_EVENT } from './progress-reports-plugin.js';
export { progressReportsOptions, longRunningSchema, type ProgressReportsOptions, type ProgressReportsOptionsInput, type LongRunningRule } from './progress-options.js';
export { defaultReportTemplates } from './report-templates.js';
export { reportVariables } from './report-placeholders.js';
export { SENT_MODEL, SERIES_MODEL, type SentReport } from './progress-schema.js';

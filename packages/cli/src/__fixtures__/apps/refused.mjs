// An app module whose plugin the community refuses: an option out of range.
import { progressReports } from '@kechuang/plugin-progress-reports';

export const plugins = [progressReports({ intervalWorkingDays: 0 })];

// An app module that lists a plugin's factory instead of calling it.
import { progressReports } from '@kechuang/plugin-progress-reports';

export const plugins = [progressReports];

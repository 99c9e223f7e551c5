// An app module that exports neither plugins nor notifiers.
export const name = 'cangqian';
export default { plugins: [] };

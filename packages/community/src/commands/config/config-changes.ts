// What the config API loads on first use: storing a new version, and explaining routing under
// a draft. One module, so that both are one lazily loaded chunk.
export { draftPolicy } from './draft-policy.js';
export { updateConfig, type ConfigUpdateHelpers } from './update-config.js';

export { ERROR_CODES, type ErrorCode } from './error-codes.js';
export { KechuangError, isKechuangError, type ErrorDetails, type ValidationIssue } from './kechuang-error.js';
export { fromZodError, parseInput } from './validation.js';

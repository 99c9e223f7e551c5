/**
 * `@kechuang/community/privacy`: helpers for text that leaves the office — published
 * (Open311), sent to chats and e-mail, or exported.
 *
 * @example
 * ```ts
 * import { maskPersonalNumbers } from '@kechuang/community/privacy';
 * maskPersonalNumbers('联系人：张三 13812345678'); // '联系人：张三 138****5678'
 * ```
 *
 * @module @kechuang/community/privacy
 */
export { maskPersonalNumbers } from '../notify/mask.js';

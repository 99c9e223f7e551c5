/**
 * `@kechuang/community/node`: what needs Node's built-ins and so stays out of the core entry:
 * a blob store for attachments on the local file system.
 *
 * @module @kechuang/community/node
 */
export { fsBlobStore, type FsBlobStoreOptions } from './fs-blob-store.js';

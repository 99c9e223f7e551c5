export { fsBlobStore, type FsBlobStoreOptions } from './fs-blob-store.js';

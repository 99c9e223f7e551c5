import { testStorageAdapter } from '@kechuang/testing';
import { sqliteStorage } from './sqlite-storage.js';

testStorageAdapter(() => sqliteStorage({ filename: ':memory:' }), { name: 'sqliteStorage (:memory:)' });

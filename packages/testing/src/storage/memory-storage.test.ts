import { memoryStorage } from '@kechuang/community';
import { testStorageAdapter } from '../index.js';

testStorageAdapter(() => memoryStorage(), { name: 'memoryStorage conformance' });

// The fixed consumer entry measured by scripts/size.ts: what a host app pays for the core.
import { createCommunity, memoryStorage } from '@kechuang/community';
export { createCommunity, memoryStorage };

// An app module in TypeScript, which loads when the CLI runs under tsx.
import type { Notifier } from '@kechuang/community';

export const notifiers: Notifier[] = [{ id: 'typed', channel: 'webhook', send: async () => ({ externalId: 'typed-1' }) }];

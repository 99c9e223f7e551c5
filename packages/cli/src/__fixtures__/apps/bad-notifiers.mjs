// An app module whose notifiers are not a list.
export const notifiers = { id: 'mail', channel: 'email', send: async () => ({ externalId: '1' }) };

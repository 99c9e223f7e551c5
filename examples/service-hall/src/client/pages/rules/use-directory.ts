/**
 * What the rules screen looks names up in beyond the session: the parks with their codes and
 * communities (rules name parks by code; a would-be request needs its community), and the
 * config in force with its version.
 */
import type { OfficeConfig } from '@kechuang/community';
import { api } from '../../api.js';
import { loadPlaces, type Places } from '../../directory/places.js';

export interface RulesDirectory extends Places {
  config: OfficeConfig;
  /** The stored config's version and since when it is in force. */
  version: number;
  since: string;
}

export async function loadRulesDirectory(signal: AbortSignal): Promise<RulesDirectory> {
  const [places, stored] = await Promise.all([loadPlaces(), api<{ version: number; createdAt: string; config: OfficeConfig }>('GET', '/api/config', undefined, { signal })]);
  return { ...places, config: stored.config, version: stored.version, since: stored.createdAt };
}

/**
 * The words context for the signed-in member: the routing texts in the language in force, the
 * office's config (or the one a screen loaded itself, with its version), and the directory
 * that codes are looked up in.
 */
import type { OfficeConfig } from '@kechuang/community';
import { useMemo } from 'preact/hooks';
import { loadPlaces } from '../directory/places.js';
import { useLocale } from '../i18n.js';
import { useSession } from '../session.js';
import { useShared } from '../shared-texts.js';
import { useLoad } from '../use-load.js';
import type { WordsContext } from './condition-words.js';
import { useRoutingTexts } from './routing-texts.js';

export function useRoutingWords(config?: OfficeConfig): WordsContext {
  const t = useRoutingTexts();
  const shared = useShared();
  const locale = useLocale();
  const session = useSession();
  // Until the parks arrive (or if they cannot), a park in a condition shows by its code.
  const places = useLoad(() => loadPlaces(), []);
  const parks = places.data?.parks;
  const communities = places.data?.communities;
  return useMemo(
    () => ({ t, shared, locale, config: config ?? session.config, parks: parks ?? [], communities: communities ?? [], memberNames: session.memberNames }),
    [t, shared, locale, config, session, parks, communities],
  );
}

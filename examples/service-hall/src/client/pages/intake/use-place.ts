/**
 * Where an intake form's request comes from, as both forms keep it: the enterprise picked (or
 * only typed), the park, and the parks the member may choose. `fields` goes to `<PlaceFields>`.
 */
import { useState } from 'preact/hooks';
import type { EnterpriseLite } from '../../directory/enterprise-directory.js';
import type { Places } from '../../directory/places.js';

export function usePlace(places: Places, allowedParks: string[] | null) {
  const parks = allowedParks ? places.parks.filter((p) => allowedParks.includes(p.id)) : places.parks;
  const [enterprise, setEnterprise] = useState<EnterpriseLite | null>(null);
  const [query, setQuery] = useState('');
  // A captain starts in their first park until they choose another.
  const [parkId, setParkId] = useState(allowedParks?.[0] ?? '');
  return {
    enterprise,
    parkId,
    parks,
    /** A name typed but no enterprise picked from the list: the form would lose it. */
    typedOnly: !enterprise && query.trim() !== '',
    fields: { enterprise, onEnterprise: setEnterprise, onEnterpriseQuery: setQuery, parkId, onPark: setParkId, parks, anyPark: allowedParks === null },
  };
}

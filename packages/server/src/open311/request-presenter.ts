import { isKechuangError, type CommunitySession, type OfficeConfig, type ServiceRequest } from '@kechuang/community';
import { createZoneConverter, isValidTimeZone } from '@kechuang/community/calendar';
import { maskPersonalNumbers } from '@kechuang/community/privacy';
import { slaPromise, TEXTS, type Open311Locale } from './open311-locale.js';
import { findCategory, portfolioLabel } from './service-catalog.js';
import { OPEN311_ATTRIBUTES } from './stored-fields.js';
import { formatW3c } from './w3c-datetime.js';

/** A request as GeoReport v2 publishes it, in the spec's field order. */
export type Open311Request = {
  /** The request's id. */
  service_request_id: string;
  /** `closed` in the workflow's terminal states, `open` in every other. */
  status: 'open' | 'closed';
  /** For a closed request, its outcome note (personal numbers masked); else null. */
  status_notes: string | null;
  /** The category's name in the locale asked for. */
  service_name: string;
  /** The category id. */
  service_code: string;
  /** The request's description, personal numbers masked; null when empty. */
  description: string | null;
  /** The unit handling it: a team, a portfolio or the office, never a person. */
  agency_responsible: string | null;
  /** The time limit its SLA policy promises, in words; null without one. */
  service_notice: string | null;
  /** When it was submitted (W3C date-time in the office's zone). */
  requested_datetime: string;
  /** When it last changed; for a closed request, when it was closed. */
  updated_datetime: string;
  /** The resolve deadline, or null without one. */
  expected_datetime: string | null;
  /** The address the client sent, else its building and park; null when none is known. */
  address: string | null;
  /** The address id the client sent, else the building's or park's code. */
  address_id: string | null;
  /** Always null: the SDK keeps no postcodes. */
  zipcode: string | null;
  /** The latitude the client sent, or null. */
  lat: number | null;
  /** The longitude the client sent, or null. */
  long: number | null;
  /** The media URL the client sent, or null. */
  media_url: string | null;
};

/** Turns the SDK's requests into their public Open311 form. */
export type RequestPresenter = (request: ServiceRequest) => Promise<Open311Request>;

/**
 * A presenter for one HTTP request: it reads the config, the office and the directory records
 * it needs once, whatever the number of requests shown.
 *
 * What is published is what a street office would put on a public board: the category, the
 * description, the state, the unit handling it (a team, a portfolio or the office — never a
 * person), the promised and actual times, and the place. The enterprise, the contact's name,
 * phone and e-mail, and the submitter's device and account ids are never shown.
 *
 * `status` is `closed` in the workflow's terminal states (closed, withdrawn, merged by
 * default) and `open` in every other, `replied` included: a reply may still be redone after
 * the follow-up. `status_notes` of a closed request is its outcome note.
 */
export async function requestPresenter(session: CommunitySession, terminal: readonly string[], locale: Open311Locale): Promise<RequestPresenter> {
  const [stored, office] = await Promise.all([session.config.get(), session.office.get()]);
  const config: OfficeConfig | null = stored?.config ?? null;
  const timeZone = config?.calendar.timeZone ?? office.timeZone;
  const zone = createZoneConverter(isValidTimeZone(timeZone) ? timeZone : 'Asia/Shanghai');
  const texts = TEXTS[locale];
  const cache = new Map<string, Promise<{ code: string; name: string } | null>>();
  const record = (model: 'teams' | 'parks' | 'buildings', id: string | null): Promise<{ code: string; name: string } | null> => {
    if (id === null) return Promise.resolve(null);
    const key = `${model}:${id}`;
    let found = cache.get(key);
    if (!found) {
      found = session[model].get(id).then(
        (r) => ({ code: r.code, name: r.name }),
        (error: unknown) => {
          if (isKechuangError(error, 'NOT_FOUND')) return null;
          throw error;
        },
      );
      cache.set(key, found);
    }
    return found;
  };

  const agencyOf = async (request: ServiceRequest): Promise<string> => {
    const team = await record('teams', request.assigneeTeamId);
    if (team) return config?.teams.find((t) => t.code === team.code)?.labels[locale] ?? team.name;
    return portfolioLabel(config, request.portfolio, locale) ?? office.name;
  };
  const notesOf = (request: ServiceRequest): string | null => {
    if (request.status === 'withdrawn') return texts.withdrawn;
    if (request.status === 'merged') return texts.duplicate;
    return request.outcomeNote ?? (request.outcome ? (texts.outcome[request.outcome] ?? null) : null);
  };
  const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
  const masked = (value: string | null): string | null => (value === null ? null : maskPersonalNumbers(value));
  const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

  return async (request) => {
    const closed = terminal.includes(request.status);
    const [agency, building, park] = await Promise.all([agencyOf(request), record('buildings', request.buildingId), record('parks', request.parkId)]);
    const place = [building?.name, park?.name].filter((n): n is string => Boolean(n)).join(', ');
    const attributes = request.attributes;
    return {
      service_request_id: request.id,
      status: closed ? 'closed' : 'open',
      // Published to anyone with a key: phone and ID numbers typed into free text are masked.
      status_notes: closed ? masked(notesOf(request)) : null,
      service_name: findCategory(config, request.category)?.labels[locale] ?? request.category,
      service_code: request.category,
      description: masked(text(request.description)),
      agency_responsible: agency,
      service_notice: slaPromise(config, request.slaPolicy, locale),
      requested_datetime: formatW3c(request.createdAt, zone),
      // The spec: for a closed request, the time it was closed.
      updated_datetime: formatW3c(closed ? (request.closedAt ?? request.updatedAt) : request.updatedAt, zone),
      expected_datetime: request.resolveDueAt ? formatW3c(request.resolveDueAt, zone) : null,
      address: text(attributes[OPEN311_ATTRIBUTES.address]) ?? (text(place) ?? null),
      address_id: text(attributes[OPEN311_ATTRIBUTES.addressId]) ?? building?.code ?? park?.code ?? null,
      zipcode: null,
      lat: number(attributes[OPEN311_ATTRIBUTES.lat]),
      long: number(attributes[OPEN311_ATTRIBUTES.long]),
      media_url: text(attributes[OPEN311_ATTRIBUTES.mediaUrl]),
    };
  };
}

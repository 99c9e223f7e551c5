import { KechuangError, type CommunitySession, type ServiceRequest, type SubmitRequestInput } from '@kechuang/community';
import type { Category } from './service-catalog.js';
import { OPEN311_SOURCE, OPEN311_ATTRIBUTES } from './stored-fields.js';
import type { Open311Submission } from './submit-form.js';

/** Who sent a submission, for its external reference and idempotency. */
export interface SubmissionOrigin {
  /** The API key's id (a label, not the secret). */
  keyId: string;
  /** The client's `Idempotency-Key` header, when it sent one. */
  idempotencyKey: string | null;
}

const TITLE_LENGTH = 60;
const HAN = /\p{Script=Han}/u;

/** A title for lists: the description's first line, shortened, or the service's name. */
export function titleOf(description: string | undefined, category: Category): string {
  const line = (description ?? '').split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).find((l) => l.length > 0);
  if (!line) return category.labels['zh-CN'];
  const chars = [...line];
  return chars.length > TITLE_LENGTH ? `${chars.slice(0, TITLE_LENGTH - 1).join('')}…` : line;
}

/** The person's name as it is written: 张三 (family name first, no space) or John Smith. */
export function personName(first: string | undefined, last: string | undefined): string | undefined {
  if (first && last) return HAN.test(first + last) ? `${last}${first}` : `${first} ${last}`;
  return first ?? last;
}

/** A building or park code of the community, as `address_id` names it. */
async function placeOf(session: CommunitySession, communityId: string, addressId: string): Promise<{ parkId: string; buildingId: string | null }> {
  const building = await session.buildings.findByCode(addressId);
  if (building && building.communityId === communityId) return { parkId: building.parkId, buildingId: building.id };
  const park = await session.parks.findByCode(addressId);
  if (park && park.communityId === communityId) return { parkId: park.id, buildingId: null };
  throw new KechuangError('VALIDATION_FAILED', `address_id '${addressId}' is not a building or park code of this community. Send a known code, or lat/long or address_string instead.`, {
    issues: [{ path: ['address_id'], message: 'not a building or park code of this community', code: 'invalid_reference' }],
  });
}

/**
 * Files an Open311 submission as a request of `communityId` on the `online` channel. The
 * contact is the person's name (or e-mail, or phone) and phone; the location, media URL,
 * e-mail, device and account ids, which the request has no fields for, go into its attributes
 * (see {@link OPEN311_ATTRIBUTES}); the external reference names the API key it came through.
 */
export async function submitOpen311(session: CommunitySession, communityId: string, category: Category, submission: Open311Submission, origin: SubmissionOrigin): Promise<ServiceRequest> {
  const { fields } = submission;
  const place = fields.address_id ? await placeOf(session, communityId, fields.address_id) : null;
  const attributes: Record<string, string | number | boolean | string[]> = { ...submission.attributes };
  const keep = (key: string, value: string | number | undefined): void => {
    if (value !== undefined) attributes[key] = value;
  };
  keep(OPEN311_ATTRIBUTES.lat, fields.lat);
  keep(OPEN311_ATTRIBUTES.long, fields.long);
  keep(OPEN311_ATTRIBUTES.address, fields.address_string);
  keep(OPEN311_ATTRIBUTES.addressId, fields.address_id);
  keep(OPEN311_ATTRIBUTES.mediaUrl, fields.media_url);
  keep(OPEN311_ATTRIBUTES.email, fields.email);
  keep(OPEN311_ATTRIBUTES.deviceId, fields.device_id);
  keep(OPEN311_ATTRIBUTES.accountId, fields.account_id);
  const name = personName(fields.first_name, fields.last_name) ?? fields.email ?? fields.phone;
  const input: SubmitRequestInput = {
    communityId,
    parkId: place?.parkId ?? null,
    buildingId: place?.buildingId ?? null,
    channel: 'online',
    category: category.id,
    attributes,
    title: titleOf(fields.description, category),
    description: fields.description ?? '',
    contact: name ? { name, phone: fields.phone ?? null } : null,
    // Unique per submission (the SDK refuses a second request for one external ticket); the
    // key id tells the office which application it came through.
    externalRef: { source: OPEN311_SOURCE, id: `${origin.keyId.slice(0, 64)}:${globalThis.crypto.randomUUID()}` },
    ...(origin.idempotencyKey ? { idempotencyKey: `open311:${origin.keyId}:${origin.idempotencyKey}`.slice(0, 200) } : {}),
  };
  return session.requests.submit(input);
}

/**
 * Where an Open311 submission's fields that the SDK's request has no column for are kept: in
 * its `attributes`, under keys with a dot. Config attribute codes are `[a-z][a-z0-9_]*`, so
 * these never collide with a category's own attributes.
 *
 * @example
 * ```ts
 * const { request } = await session.requests.get(id);
 * const lat = request.attributes[OPEN311_ATTRIBUTES.lat]; // 30.2741, when the client sent lat/long
 * ```
 */
export const OPEN311_ATTRIBUTES = {
  lat: 'open311.lat',
  long: 'open311.long',
  address: 'open311.address',
  addressId: 'open311.address_id',
  mediaUrl: 'open311.media_url',
  email: 'open311.email',
  deviceId: 'open311.device_id',
  accountId: 'open311.account_id',
} as const;

/** The `source` of the `externalRef` of requests that arrived over Open311. */
export const OPEN311_SOURCE = 'open311';

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
  /** The latitude the client sent. */
  lat: 'open311.lat',
  /** The longitude the client sent. */
  long: 'open311.long',
  /** The address the client sent. */
  address: 'open311.address',
  /** The address id the client sent. */
  addressId: 'open311.address_id',
  /** The media URL the client sent. */
  mediaUrl: 'open311.media_url',
  /** The submitter's e-mail address; never published. */
  email: 'open311.email',
  /** The submitter's device id; never published. */
  deviceId: 'open311.device_id',
  /** The submitter's account id; never published. */
  accountId: 'open311.account_id',
} as const;

/** The `source` of the `externalRef` of requests that arrived over Open311. */
export const OPEN311_SOURCE = 'open311';

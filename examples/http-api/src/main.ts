/**
 * The HTTP API on the embedded default: the Mengchuang demo behind `@kechuang/server`, with
 * the development sign-in, an Open311 API key and the live event stream.
 *
 *   npm run serve                 # serve on http://127.0.0.1:3000 (PORT=… to change)
 *   npm run serve -- --smoke      # start, call every part once, print what came back, stop
 *   DATABASE_URL=postgres://… npm run serve   # on PostgreSQL; instances wake each other over LISTEN/NOTIFY
 */
import { randomBytes } from 'node:crypto';
import { createCommunity, sha256Hex } from '@kechuang/community';
import { fsBlobStore } from '@kechuang/community/node';
import { loadMengchuang } from '@kechuang/example-quickstart/load-mengchuang';
import { storageFromEnv } from '@kechuang/example-quickstart/storage-from-env';
import { apiKeys, createServer, devSignIn, type WakeSource } from '@kechuang/server';
import { serve } from '@kechuang/server/node';
import { postgresWakeSource } from '@kechuang/storage-postgres';
import { smokeRun } from './smoke-run.js';

const smoke = process.argv.includes('--smoke');
const { storage, where } = await storageFromEnv('http-api');
const community = createCommunity({ storage });
const { office, demo } = await loadMengchuang(community);

// An Open311 key for this run, acting as the office itself. Only its digest is kept.
const open311Key = randomBytes(18).toString('base64url');
const keys = apiKeys([{ id: 'demo-open311', sha256: await sha256Hex(new TextEncoder().encode(open311Key)), actor: { kind: 'system', officeId: office.id } }]);
const dev = devSignIn({ community, officeIds: [office.id] });
const databaseUrl = process.env['DATABASE_URL'];
const wake: (WakeSource & { close(): Promise<void> }) | undefined = databaseUrl ? postgresWakeSource({ connectionString: databaseUrl }) : undefined;
const server = createServer({
  community,
  resolveActor: keys.resolve,
  devSignIn: dev,
  apiKeys: keys,
  blobStore: fsBlobStore({ directory: '.data/http-api-blobs' }),
  ...(wake ? { events: { wake } } : {}),
});
const running = await serve(server, { port: smoke ? 0 : Number(process.env['PORT'] ?? 3000) });

const as = (memberId: string) => `x-kechuang-dev-member: ${office.id}/${memberId}`;
console.log(`
@kechuang/community HTTP API on ${where}: ${running.url}

  OpenAPI 3.1 document   ${running.url}/openapi.json
  members to sign in as  ${running.url}/dev/members   (development sign-in: no passwords)
  Open311 GeoReport v2   ${running.url}/open311/v2/services.json?api_key=${open311Key}

  curl -H '${as(demo.stationHeadId)}' '${running.url}/api/requests?limit=5'
  curl -N -H '${as(demo.stationHeadId)}' ${running.url}/events
  curl -H '${as(demo.captainIds.get('P01')!)}' -H 'content-type: application/json' -H "Idempotency-Key: $(uuidgen)" \\
       -d '{"communityId":"${demo.communityId}","parkId":"${demo.parkIds.get('P01')!}","channel":"captain_report","category":"legal","title":"企业尾款无法收回"}' ${running.url}/api/requests
`);

const stop = async (): Promise<void> => {
  await running.close();
  await wake?.close();
  await storage.close?.();
};
if (smoke) {
  await smokeRun({ url: running.url, officeId: office.id, demo, open311Key });
  await stop();
} else {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(0)));
}

import { createCommunity, KechuangError, memoryStorage, type CommunitySession } from '@kechuang/community';
import { createCreditCodeFactory, createRandom } from '@kechuang/demo';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeGbk } from './__fixtures__/encode-gbk.js';
import { ImportHeaderError, runImport, type ImportResult } from './run-import.js';
import type { ImportKind } from './columns.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const csv = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`;
const codes = createCreditCodeFactory(createRandom(7));
const [codeA, codeB, codeC] = [codes.next(), codes.next(), codes.next()];

let session: CommunitySession;

beforeEach(async () => {
  const community = createCommunity({ storage: memoryStorage() });
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  session = community.as({ kind: 'system', officeId: office.id });
});

const run = (kind: ImportKind, text: string | Uint8Array, dryRun = false): Promise<ImportResult> =>
  runImport({ kind, bytes: typeof text === 'string' ? utf8(text) : text, session, dryRun });
const tally = (r: ImportResult) => ({ accepted: r.accepted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected.length });
const reasonCodes = (r: ImportResult) => r.rejected.map((row) => [row.line, row.reasons.map((reason) => reason.code)]);

const parks = csv('园区编码,园区名称,所属社区编码,社区名称,类型,地址', 'P01,梦创科技园,MC,梦创社区,园区,文一西路1号', 'P02,仓前厂区,MC,,厂区,', 'P03,未来园,XX,,,');

describe('runImport: parks', () => {
  it('creates the community a row names, then the parks; a park in an unknown community without a name is rejected', async () => {
    const result = await run('parks', parks);
    expect(tally(result)).toEqual({ accepted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(result.createdCommunities).toEqual(['MC']);
    expect(reasonCodes(result)).toEqual([[4, ['community_needs_name']]]);
    const p02 = await session.parks.findByCode('P02');
    expect(p02).toMatchObject({ name: '仓前厂区', kind: 'factory_area', address: null });
    expect((await session.communities.findByCode('MC'))?.name).toBe('梦创社区');
  });

  it('changes nothing on a second run, and updates only the row that changed', async () => {
    await run('parks', parks);
    expect(tally(await run('parks', parks))).toEqual({ accepted: 0, updated: 0, unchanged: 2, rejected: 1 });
    const before = await session.parks.findByCode('P01');
    const edited = await run('parks', parks.replace('梦创科技园', '梦创科技园（一期）'));
    expect(tally(edited)).toEqual({ accepted: 0, updated: 1, unchanged: 1, rejected: 1 });
    const after = await session.parks.findByCode('P01');
    expect(after).toMatchObject({ name: '梦创科技园（一期）', version: (before?.version ?? 0) + 1 });
  });

  it('reads the same file in GBK', async () => {
    const result = await run('parks', encodeGbk(parks));
    expect(result.encoding).toBe('gbk');
    expect(tally(result)).toEqual({ accepted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect((await session.parks.findByCode('P01'))?.name).toBe('梦创科技园');
  });

  it('refuses to move a park to another community', async () => {
    await run('parks', parks);
    const moved = await run('parks', csv('code,name,community,community_name', 'P01,梦创科技园,YY,云谷社区'));
    expect(moved.rejected[0]?.reasons).toEqual([{ code: 'cannot_move', column: 'community', model: 'park', from: 'MC', to: 'YY' }]);
    expect(moved.createdCommunities).toEqual([]);
  });

  it('writes nothing in a dry run, yet checks later rows against what earlier rows would create', async () => {
    const result = await run('parks', parks, true);
    expect(tally(result)).toEqual({ accepted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(result.createdCommunities).toEqual(['MC']);
    expect((await session.parks.list()).items).toEqual([]);
    expect((await session.communities.list()).items).toEqual([]);
  });

  it('refuses a file whose headers do not fit, before reading any row', async () => {
    await expect(run('parks', csv('楼宇编码,楼宇名称,园区编码', 'P01-B01,一号楼,P01'))).rejects.toBeInstanceOf(ImportHeaderError);
    expect((await session.communities.list()).items).toEqual([]);
  });
});

describe('runImport: buildings and enterprises', () => {
  beforeEach(async () => {
    await run('parks', csv('code,name,community,community_name,kind', 'P01,梦创科技园,MC,梦创社区,park', 'P02,仓前厂区,MC,,factory_area'));
    await run('buildings', csv('楼宇编码,楼宇名称,园区编码,层数', 'P01-B01,一号楼,P01,12层', 'P01-B02,二号楼,P01,', 'P02-B01,厂房,P02,3'));
  });

  it('places buildings in their parks and rejects unknown parks and bad floors', async () => {
    expect((await session.buildings.findByCode('P01-B01'))?.floors).toBe(12);
    const result = await run('buildings', csv('楼宇编码,楼宇名称,园区编码,层数', 'P09-B01,九号楼,P09,5', 'P01-B03,三号楼,P01,三层', 'P01-B01,一号楼,P02,12'));
    expect(reasonCodes(result)).toEqual([
      [2, ['unknown_ref']],
      [3, ['bad_number']],
      [4, ['cannot_move']],
    ]);
  });

  it('checks every row and reports all of its reasons', async () => {
    const bad = `${codeB.slice(0, 17)}${codeB.endsWith('0') ? '1' : '0'}`;
    const result = await run(
      'enterprises',
      csv(
        '统一社会信用代码,企业名称,园区编码,楼宇编码,行业,规模,标签',
        `${codeA},杭州梦创数字影像有限公司,P01,P01-B01,软件和信息技术服务业,小型,高新技术企业；专精特新`,
        `${bad},坏校验位公司,P01,,,,`,
        `${codeC},,P09,,,巨型,`,
        `${codeA},重复公司,P01,,,,`,
        `${codes.next()},错楼公司,P02,P01-B02,,,`,
        `${codes.next().toLowerCase()},小写代码公司,,P02-B01,,micro,`,
      ),
    );
    expect(reasonCodes(result)).toEqual([
      [3, ['credit_code']],
      [4, ['required', 'bad_choice', 'unknown_ref']],
      [5, ['duplicate_in_file']],
      [6, ['building_not_in_park']],
    ]);
    expect(result.rejected[0]?.reasons[0]).toMatchObject({ problem: { kind: 'check_character' } });
    expect(result.rejected[2]?.reasons[0]).toEqual({ code: 'duplicate_in_file', column: 'credit_code', value: codeA, line: 2 });
    expect(tally(result)).toMatchObject({ accepted: 2 });
    const first = await session.enterprises.findByCode(codeA);
    expect(first).toMatchObject({ size: 'small', tags: ['高新技术企业', '专精特新'] });
    const p02 = await session.parks.findByCode('P02');
    const lower = (await session.enterprises.list({ filter: { parkId: p02?.id ?? '' } })).items;
    expect(lower.map((e) => e.name)).toEqual(['小写代码公司']);
  });

  it('updates what changed, leaves columns the file lacks alone, and compares tags as a set', async () => {
    await run('enterprises', csv('credit_code,name,park,building,industry,size,tags', `${codeA},梦创影像,P01,P01-B01,软件,small,a;b`));
    expect(tally(await run('enterprises', csv('credit_code,name,park,building,industry,size,tags', `${codeA},梦创影像,P01,P01-B01,软件,小,b、a`)))).toMatchObject({ unchanged: 1 });
    const moved = await run('enterprises', csv('credit_code,name,building', `${codeA},梦创影像,P01-B02`));
    expect(tally(moved)).toMatchObject({ updated: 1 });
    const stored = await session.enterprises.findByCode(codeA);
    const b02 = await session.buildings.findByCode('P01-B02');
    expect(stored).toMatchObject({ buildingId: b02?.id, industry: '软件', size: 'small', version: 2 });
  });

  it('rejects a row whose write fails, and goes on with the next', async () => {
    await run('enterprises', csv('credit_code,name', `${codeA},甲公司`, `${codeB},乙公司`));
    const racing: CommunitySession = {
      ...session,
      enterprises: {
        ...session.enterprises,
        update: async (input) => {
          const current = await session.enterprises.get(input.id);
          if (current.code === codeA) throw new KechuangError('CONFLICT', 'changed meanwhile', { expectedVersion: 1, actualVersion: 2 });
          return session.enterprises.update(input);
        },
      },
    };
    const result = await runImport({ kind: 'enterprises', bytes: utf8(csv('credit_code,name', `${codeA},甲公司（新）`, `${codeB},乙公司（新）`)), session: racing });
    expect(tally(result)).toEqual({ accepted: 0, updated: 1, unchanged: 0, rejected: 1 });
    expect(result.rejected[0]).toMatchObject({ line: 2, reasons: [{ code: 'conflict' }] });
  });

  it('throws what is not about a row, such as storage failing', async () => {
    const broken: CommunitySession = {
      ...session,
      enterprises: { ...session.enterprises, create: async () => Promise.reject(new KechuangError('STORAGE_ERROR', 'database is locked')) },
    };
    await expect(runImport({ kind: 'enterprises', bytes: utf8(csv('credit_code,name', `${codeA},甲公司`)), session: broken })).rejects.toMatchObject({ code: 'STORAGE_ERROR' });
  });
});

describe('runImport: members', () => {
  beforeEach(async () => {
    await run('parks', csv('code,name,community,community_name', 'P01,梦创科技园,MC,梦创社区', 'P02,仓前厂区,MC,'));
    await session.teams.create({ code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' });
  });

  it('resolves roles by code and portfolio name, and reports every bad one', async () => {
    const result = await run(
      'members',
      csv(
        '工号,姓名,手机,邮箱,角色,状态',
        'MC-S001,王站长,138 0013 8000,head@mengchuang.example,站长；园区长：P01、P02,在岗',
        'MC-S003,李专员,+8613900139000,,专员：经济发展,',
        'MC-P001,赵律师,,,provider:LEGAL,away',
        'MC-X001,钱某,1380013800,not-mail,provider:NOPE; captain:P09; commissioner:tourism_x,',
        'MC-X002,孙某,,,,',
      ),
    );
    expect(reasonCodes(result)).toEqual([
      [5, ['bad_mobile', 'bad_email', 'unknown_ref', 'unknown_ref']],
      [6, ['required']],
    ]);
    const head = await session.members.findByCode('MC-S001');
    const [p01, p02] = [await session.parks.findByCode('P01'), await session.parks.findByCode('P02')];
    expect(head).toMatchObject({ mobile: '13800138000', roles: [{ role: 'station_head' }, { role: 'captain', parkIds: [p01?.id, p02?.id] }], status: 'active' });
    expect(await session.members.findByCode('MC-S003')).toMatchObject({ mobile: '13900139000', roles: [{ role: 'commissioner', portfolio: 'economic_development' }] });
    expect((await session.members.findByCode('MC-P001'))?.status).toBe('away');
  });

  it('treats roles in another order as unchanged', async () => {
    await run('members', csv('code,name,roles', 'MC-S001,王站长,"station_head; captain:P01,P02"'));
    expect(tally(await run('members', csv('code,name,roles', 'MC-S001,王站长,"captain:P02 P01; station_head"')))).toMatchObject({ unchanged: 1 });
    expect(tally(await run('members', csv('code,name,roles', 'MC-S001,王站长,captain:P02')))).toMatchObject({ updated: 1 });
  });

  it('accepts only the configured portfolios once the office has a config', async () => {
    await session.config.update({
      routing: { rules: [], fallback: { assign: { role: 'station_head' } } },
      portfolios: [{ id: 'economic_development', labels: { 'zh-CN': '经济发展', en: 'Economic development' } }],
    } as Parameters<CommunitySession['config']['update']>[0]);
    const result = await run('members', csv('code,name,roles', 'A1,甲,commissioner:Economic development', 'A2,乙,commissioner:party_building'));
    expect(reasonCodes(result)).toEqual([[3, ['unknown_portfolio']]]);
  });
});

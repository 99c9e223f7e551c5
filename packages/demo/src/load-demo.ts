/**
 * Loads a generated {@link DemoDirectory} into a community through the public API, swapping
 * codes for the ids the API hands back.
 */
import { KechuangError, isKechuangError, type EnterpriseSize, type MemberRole, type MemberStatus } from '@kechuang/community';
import { findDirectoryProblems } from './check-directory.js';
import type { DemoDirectory, DemoMember, DemoMemberRole } from './directory.js';

/** Anything the API stores comes back with at least an id. */
export interface CreatedRecord {
  /** The stored record's id. */
  id: string;
}

/**
 * The part of an office-bound session the loader uses. It is structural, so the loader does
 * not depend on the facade's concrete class and tests can pass a small fake.
 *
 * Obtain the real one with `community.as({ kind: 'system', officeId: office.id })`.
 */
export interface DemoLoaderSession {
  /** Creates communities. */
  communities: {
    /** Creates one community. */
    create(input: { code: string; name: string }): Promise<CreatedRecord>;
  };
  /** Creates parks. */
  parks: {
    /** Creates one park. */
    create(input: { communityId: string; code: string; name: string; kind?: 'park' | 'factory_area'; address?: string | null }): Promise<CreatedRecord>;
  };
  /** Creates buildings. */
  buildings: {
    /** Creates one building. */
    create(input: { parkId: string; code: string; name: string; floors?: number | null }): Promise<CreatedRecord>;
  };
  /** Creates enterprises. */
  enterprises: {
    /** Creates one enterprise. */
    create(input: {
      creditCode: string;
      name: string;
      communityId: string;
      parkId?: string | null;
      buildingId?: string | null;
      industry?: string | null;
      size?: EnterpriseSize | null;
      tags?: string[];
    }): Promise<CreatedRecord>;
  };
  /** Creates teams. */
  teams: {
    /** Creates one team. */
    create(input: { code: string; name: string; kind?: string }): Promise<CreatedRecord>;
  };
  /** Creates members. */
  members: {
    /** Creates one member. */
    create(input: {
      code: string;
      name: string;
      mobile?: string | null;
      email?: string | null;
      roles: MemberRole[];
      status?: MemberStatus;
    }): Promise<CreatedRecord>;
  };
}

/** The stage a progress report refers to, in loading order. */
export type DemoLoadStage = 'community' | 'parks' | 'buildings' | 'enterprises' | 'teams' | 'members';

/** Options of {@link loadDemo}. */
export interface LoadDemoOptions {
  /**
   * Called after every record is created with the number created so far, the total, and the
   * stage, e.g. to draw a progress bar while 6,000 enterprises load.
   */
  onProgress?: (done: number, total: number, stage: DemoLoadStage) => void;
}

/** Ids of everything {@link loadDemo} created, by code, plus the people examples need most. */
export interface LoadedDemo {
  /** The community's id. */
  communityId: string;
  /** Park id by park code (`P01`). */
  parkIds: ReadonlyMap<string, string>;
  /** Building id by building code (`P01-B01`). */
  buildingIds: ReadonlyMap<string, string>;
  /** Enterprise id by credit code. */
  enterpriseIds: ReadonlyMap<string, string>;
  /** Team id by team code (`LEGAL`). */
  teamIds: ReadonlyMap<string, string>;
  /** Member id by member code (`MC-S001`). */
  memberIds: ReadonlyMap<string, string>;
  /** The station head (站长). */
  stationHeadId: string;
  /** Dispatchers, e.g. the deputy station head (副站长). */
  dispatcherIds: readonly string[];
  /** Commissioner (专员) member id by portfolio (`economic_development` …). */
  commissionerIds: ReadonlyMap<string, string>;
  /** The first team of kind `legal` (公共法律服务驿站). */
  legalTeamId: string;
  /** The first provider in the legal team: the lawyer. */
  lawyerId: string;
  /** Captain (园区长) member id by park code. */
  captainIds: ReadonlyMap<string, string>;
  /** Street-office staff. */
  officeStaffIds: readonly string[];
  /** Enterprise-contact member id by the enterprise's credit code. */
  enterpriseContactIds: ReadonlyMap<string, string>;
}

/** Throws before anything is written when the directory cannot be loaded as a whole. */
function assertLoadable(directory: DemoDirectory): void {
  const problems = findDirectoryProblems(directory);
  const legalTeam = directory.teams.find((t) => t.kind === 'legal');
  if (!directory.members.some((m) => m.roles.some((r) => r.role === 'station_head'))) problems.push('No member is a station head');
  if (!legalTeam) problems.push("No team has kind 'legal'");
  else if (!directory.members.some((m) => m.roles.some((r) => r.role === 'provider' && r.teamCode === legalTeam.code))) {
    problems.push(`No member is a provider in the legal team ${legalTeam.code}`);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('; ');
    throw new KechuangError('VALIDATION_FAILED', `The demo directory cannot be loaded: ${shown}${problems.length > 10 ? ` (and ${problems.length - 10} more)` : ''}. Regenerate it with generateMengchuang().`, { problems });
  }
}

function lookup(ids: ReadonlyMap<string, string>, code: string, kind: string): string {
  const id = ids.get(code);
  // findDirectoryProblems already checked every reference; reaching this is a loader bug.
  if (id === undefined) throw new Error(`No ${kind} was created for code '${code}'`);
  return id;
}

/**
 * Creates every record of `directory` through `session`, in dependency order (community,
 * parks, buildings, enterprises, teams, members), and returns the ids by code.
 *
 * The office is the caller's: create it from `directory.office` and pass a session bound to
 * it. The directory is checked first (see {@link findDirectoryProblems}); a record the API
 * refuses stops the load with an error naming the record, the API's error as its `cause`.
 * Member titles are display-only and not sent.
 *
 * @example
 * ```ts
 * const directory = generateMengchuang();
 * const community = createCommunity({ storage: memoryStorage() });
 * const office = await community.offices.create(directory.office);
 * const session = community.as({ kind: 'system', officeId: office.id });
 * const demo = await loadDemo(session, directory, {
 *   onProgress: (done, total, stage) => console.log(`${stage} ${done}/${total}`),
 * });
 * demo.captainIds.get('P01'); // the member id of P01's park captain
 * ```
 */
export async function loadDemo(session: DemoLoaderSession, directory: DemoDirectory, options: LoadDemoOptions = {}): Promise<LoadedDemo> {
  assertLoadable(directory);
  const { onProgress } = options;
  const total = 1 + directory.parks.length + directory.buildings.length + directory.enterprises.length + directory.teams.length + directory.members.length;
  let done = 0;

  const create = async (stage: DemoLoadStage, what: string, run: () => Promise<CreatedRecord>): Promise<string> => {
    let record: CreatedRecord;
    try {
      record = await run();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Keep the API's code so callers can still tell a DUPLICATE from a VALIDATION_FAILED.
      if (isKechuangError(error)) throw new KechuangError(error.code, `loadDemo: creating ${what} failed: ${reason}`, error.details, { cause: error });
      throw new Error(`loadDemo: creating ${what} failed: ${reason}`, { cause: error });
    }
    done += 1;
    onProgress?.(done, total, stage);
    return record.id;
  };

  const { community } = directory;
  const communityId = await create('community', `community ${community.code}`, () =>
    session.communities.create({ code: community.code, name: community.name }),
  );

  const parkIds = new Map<string, string>();
  for (const park of directory.parks) {
    const input = { communityId, code: park.code, name: park.name, kind: park.kind, address: park.address };
    parkIds.set(park.code, await create('parks', `park ${park.code}`, () => session.parks.create(input)));
  }

  const buildingIds = new Map<string, string>();
  for (const building of directory.buildings) {
    const input = { parkId: lookup(parkIds, building.parkCode, 'park'), code: building.code, name: building.name, floors: building.floors };
    buildingIds.set(building.code, await create('buildings', `building ${building.code}`, () => session.buildings.create(input)));
  }

  const enterpriseIds = new Map<string, string>();
  for (const enterprise of directory.enterprises) {
    const input = {
      creditCode: enterprise.creditCode,
      name: enterprise.name,
      communityId,
      parkId: enterprise.parkCode === null ? null : lookup(parkIds, enterprise.parkCode, 'park'),
      buildingId: enterprise.buildingCode === null ? null : lookup(buildingIds, enterprise.buildingCode, 'building'),
      industry: enterprise.industry,
      size: enterprise.size,
      tags: [...enterprise.tags],
    };
    const id = await create('enterprises', `enterprise ${enterprise.creditCode}`, () => session.enterprises.create(input));
    enterpriseIds.set(enterprise.creditCode, id);
  }

  const teamIds = new Map<string, string>();
  for (const team of directory.teams) {
    const input = { code: team.code, name: team.name, kind: team.kind };
    teamIds.set(team.code, await create('teams', `team ${team.code}`, () => session.teams.create(input)));
  }

  const resolveRole = (role: DemoMemberRole): MemberRole => {
    switch (role.role) {
      case 'captain':
        return { role: 'captain', parkIds: role.parkCodes.map((code) => lookup(parkIds, code, 'park')) };
      case 'provider':
        return { role: 'provider', teamId: lookup(teamIds, role.teamCode, 'team') };
      case 'enterprise_contact':
        return { role: 'enterprise_contact', enterpriseId: lookup(enterpriseIds, role.enterpriseCode, 'enterprise') };
      case 'commissioner':
        return { role: 'commissioner', portfolio: role.portfolio };
      default:
        return { role: role.role };
    }
  };

  const memberIds = new Map<string, string>();
  for (const member of directory.members) {
    const input = {
      code: member.code,
      name: member.name,
      mobile: member.mobile,
      email: member.email,
      roles: member.roles.map(resolveRole),
      status: member.status,
    };
    memberIds.set(member.code, await create('members', `member ${member.code}`, () => session.members.create(input)));
  }

  return summarise(directory, { communityId, parkIds, buildingIds, enterpriseIds, teamIds, memberIds });
}

type CreatedIds = Pick<LoadedDemo, 'communityId' | 'parkIds' | 'buildingIds' | 'enterpriseIds' | 'teamIds' | 'memberIds'>;

/** Picks out the people examples need, by role; the first member wins where several qualify. */
function summarise(directory: DemoDirectory, ids: CreatedIds): LoadedDemo {
  const idOf = (member: DemoMember): string => lookup(ids.memberIds, member.code, 'member');
  const legalTeam = directory.teams.find((t) => t.kind === 'legal');
  let stationHeadId: string | undefined;
  let lawyerId: string | undefined;
  const dispatcherIds: string[] = [];
  const officeStaffIds: string[] = [];
  const commissionerIds = new Map<string, string>();
  const captainIds = new Map<string, string>();
  const enterpriseContactIds = new Map<string, string>();
  const setOnce = (map: Map<string, string>, key: string, id: string): void => {
    if (!map.has(key)) map.set(key, id);
  };

  for (const member of directory.members) {
    const id = idOf(member);
    for (const role of member.roles) {
      switch (role.role) {
        case 'station_head':
          stationHeadId ??= id;
          break;
        case 'dispatcher':
          dispatcherIds.push(id);
          break;
        case 'office_staff':
          officeStaffIds.push(id);
          break;
        case 'commissioner':
          setOnce(commissionerIds, role.portfolio, id);
          break;
        case 'captain':
          for (const code of role.parkCodes) setOnce(captainIds, code, id);
          break;
        case 'enterprise_contact':
          setOnce(enterpriseContactIds, role.enterpriseCode, id);
          break;
        case 'provider':
          if (role.teamCode === legalTeam?.code) lawyerId ??= id;
          break;
      }
    }
  }
  // assertLoadable has already made sure all three exist.
  if (stationHeadId === undefined || legalTeam === undefined || lawyerId === undefined) {
    throw new Error('loadDemo: station head, legal team or lawyer missing after the directory was checked');
  }

  return {
    ...ids,
    stationHeadId,
    dispatcherIds,
    commissionerIds,
    legalTeamId: lookup(ids.teamIds, legalTeam.code, 'team'),
    lawyerId,
    captainIds,
    officeStaffIds,
    enterpriseContactIds,
  };
}

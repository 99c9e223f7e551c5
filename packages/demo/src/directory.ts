/**
 * The shape of generated demo data: a plain, JSON-serialisable directory.
 *
 * Every record mirrors the core's create input (`createParkInput`, `createBuildingInput`,
 * `createEnterpriseInput`, `createMemberInput`, …) with one difference: **references use
 * stable codes instead of ids** (`parkCode` for `parkId`, `teamCode` for `teamId`,
 * `enterpriseCode` — the credit code — for `enterpriseId`, and so on). Ids only exist once
 * records are stored, and codes are what an office would put in an import file anyway.
 * {@link loadDemo} swaps the codes for ids as it creates the records.
 *
 * All optional create-input fields are filled in explicitly, so the data reads the same with
 * or without the core's defaults.
 */
import type { EnterpriseSize, MemberStatus } from '@kechuang/community';

/** Input for `community.offices.create` (the caller creates the office, see {@link loadDemo}). */
export interface DemoOffice {
  code: string;
  name: string;
  timeZone: string;
}

/** A community (社区); mirrors `createCommunityInput`. */
export interface DemoCommunity {
  code: string;
  name: string;
}

/** A park (园区) or factory area (厂区); mirrors `createParkInput` with `communityCode`. */
export interface DemoPark {
  communityCode: string;
  /** `P01` … `P62`. */
  code: string;
  name: string;
  kind: 'park' | 'factory_area';
  address: string | null;
}

/** A building (楼宇); mirrors `createBuildingInput` with `parkCode`. */
export interface DemoBuilding {
  parkCode: string;
  /** `<park code>-B<nn>`, e.g. `P01-B02`. */
  code: string;
  name: string;
  floors: number | null;
}

/**
 * An enterprise (企业); mirrors `createEnterpriseInput` with `communityCode`, `parkCode` and
 * `buildingCode`. `buildingCode` is null when the park has no buildings.
 */
export interface DemoEnterprise {
  /** The unified social credit code; also the enterprise's stable code. */
  creditCode: string;
  name: string;
  communityCode: string;
  parkCode: string | null;
  buildingCode: string | null;
  industry: string | null;
  size: EnterpriseSize | null;
  tags: string[];
}

/** A team; mirrors `createTeamInput`. */
export interface DemoTeam {
  code: string;
  name: string;
  kind: string;
}

/**
 * A member role; mirrors the core's `MemberRole` with codes in place of ids:
 * `captain.parkCodes` (park codes), `provider.teamCode`, `enterprise_contact.enterpriseCode`
 * (a credit code).
 */
export type DemoMemberRole =
  | { role: 'commissioner'; portfolio: string }
  | { role: 'station_head' }
  | { role: 'dispatcher' }
  | { role: 'captain'; parkCodes: string[] }
  | { role: 'provider'; teamCode: string }
  | { role: 'office_staff' }
  | { role: 'enterprise_contact'; enterpriseCode: string };

/** A member; mirrors `createMemberInput` with {@link DemoMemberRole}s, plus a display title. */
export interface DemoMember {
  /** Staff number, e.g. `MC-S001`. */
  code: string;
  name: string;
  /** Always from the reserved fake range (see `DEMO_MOBILE_PREFIX`). */
  mobile: string | null;
  /** Always on the reserved `.example` domain. */
  email: string | null;
  roles: DemoMemberRole[];
  status: MemberStatus;
  /**
   * Job title for display (职务), e.g. 站长, 经济发展专员, 园区长. The core's member has no
   * such field, so {@link loadDemo} does not send it.
   */
  title: string;
}

/** A whole generated community, ready for {@link loadDemo} or for writing out as JSON. */
export interface DemoDirectory {
  /** The seed the directory was generated from. */
  seed: number;
  office: DemoOffice;
  community: DemoCommunity;
  parks: DemoPark[];
  buildings: DemoBuilding[];
  enterprises: DemoEnterprise[];
  teams: DemoTeam[];
  members: DemoMember[];
}

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
  /** The office's code. */
  code: string;
  /** The office's name, e.g. 仓前街道. */
  name: string;
  /** The IANA time zone, `Asia/Shanghai`. */
  timeZone: string;
}

/** A community (社区); mirrors `createCommunityInput`. */
export interface DemoCommunity {
  /** The community's code. */
  code: string;
  /** The community's name, 梦创社区. */
  name: string;
}

/** A park (园区) or factory area (厂区); mirrors `createParkInput` with `communityCode`. */
export interface DemoPark {
  /** The code of its community. */
  communityCode: string;
  /** `P01` … `P62`. */
  code: string;
  /** The park's name. */
  name: string;
  /** `park` (园区) or `factory_area` (厂区). */
  kind: 'park' | 'factory_area';
  /** The park's address, or null. */
  address: string | null;
}

/** A building (楼宇); mirrors `createBuildingInput` with `parkCode`. */
export interface DemoBuilding {
  /** The code of its park. */
  parkCode: string;
  /** `<park code>-B<nn>`, e.g. `P01-B02`. */
  code: string;
  /** The building's name. */
  name: string;
  /** The number of floors, or null. */
  floors: number | null;
}

/**
 * An enterprise (企业); mirrors `createEnterpriseInput` with `communityCode`, `parkCode` and
 * `buildingCode`. `buildingCode` is null when the park has no buildings.
 */
export interface DemoEnterprise {
  /** The unified social credit code; also the enterprise's stable code. */
  creditCode: string;
  /** The enterprise's name (generated, not a real company). */
  name: string;
  /** The code of its community. */
  communityCode: string;
  /** The code of its park, or null. */
  parkCode: string | null;
  /** The code of its building, or null. */
  buildingCode: string | null;
  /** Its industry, or null. */
  industry: string | null;
  /** Its size band, or null. */
  size: EnterpriseSize | null;
  /** Labels such as 高新技术企业. */
  tags: string[];
}

/** A team; mirrors `createTeamInput`. */
export interface DemoTeam {
  /** The team's code, e.g. `LEGAL`. */
  code: string;
  /** The team's name. */
  name: string;
  /** What kind of team it is, e.g. `legal`. */
  kind: string;
}

/**
 * A member role; mirrors the core's `MemberRole` with codes in place of ids:
 * `captain.parkCodes` (park codes), `provider.teamCode`, `enterprise_contact.enterpriseCode`
 * (a credit code).
 */
export type DemoMemberRole =
  | {
      /** Always `commissioner`. */
      role: 'commissioner';
      /** The portfolio the commissioner owns, e.g. `economic_development`. */
      portfolio: string;
    }
  | {
      /** Always `station_head`. */
      role: 'station_head';
    }
  | {
      /** Always `dispatcher`. */
      role: 'dispatcher';
    }
  | {
      /** Always `captain`. */
      role: 'captain';
      /** The codes of the parks the captain looks after. */
      parkCodes: string[];
    }
  | {
      /** Always `provider`. */
      role: 'provider';
      /** The code of the provider's team, e.g. `LEGAL`. */
      teamCode: string;
    }
  | {
      /** Always `office_staff`. */
      role: 'office_staff';
    }
  | {
      /** Always `enterprise_contact`. */
      role: 'enterprise_contact';
      /** The credit code of the contact's enterprise. */
      enterpriseCode: string;
    };

/** A member; mirrors `createMemberInput` with {@link DemoMemberRole}s, plus a display title. */
export interface DemoMember {
  /** Staff number, e.g. `MC-S001`. */
  code: string;
  /** The member's name (generated, not a real person). */
  name: string;
  /** Always from the reserved fake range (see `DEMO_MOBILE_PREFIX`). */
  mobile: string | null;
  /** Always on the reserved `.example` domain. */
  email: string | null;
  /** The member's roles, with codes in place of ids. */
  roles: DemoMemberRole[];
  /** `active`, `away` or `left`. */
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
  /** The office to create. */
  office: DemoOffice;
  /** The one community. */
  community: DemoCommunity;
  /** Its parks, `P01` first. */
  parks: DemoPark[];
  /** The parks' buildings. */
  buildings: DemoBuilding[];
  /** The enterprises, each with a valid credit code. */
  enterprises: DemoEnterprise[];
  /** The teams. */
  teams: DemoTeam[];
  /** The members: station head, commissioners, captains, providers and enterprise contacts. */
  members: DemoMember[];
}

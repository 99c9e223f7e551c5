/**
 * Writes directory records through the session, one API call per record, and keeps the
 * import's {@link Directory} in step so later rows see what earlier rows created. In a dry run
 * nothing is written: the records are made up locally, so later rows are checked exactly as
 * they would be for real.
 */
import type { Building, CommunityUnit, Enterprise, EnterpriseSize, Member, MemberRole, MemberStatus, Park, RecordBase } from '@kechuang/community';
import type { Directory, ImportSession } from './directory.js';

export interface ParkCreate {
  communityId: string;
  code: string;
  name: string;
  kind?: 'park' | 'factory_area';
  address: string | null;
}
export interface BuildingCreate {
  parkId: string;
  code: string;
  name: string;
  floors: number | null;
}
export interface EnterpriseCreate {
  creditCode: string;
  name: string;
  communityId: string;
  parkId: string | null;
  buildingId: string | null;
  industry: string | null;
  size: EnterpriseSize | null;
  tags: string[];
}
export interface MemberCreate {
  code: string;
  name: string;
  mobile: string | null;
  email: string | null;
  roles: MemberRole[];
  status?: MemberStatus;
}

/** The fields an import may change on each model (what the core's update inputs take). */
export type ParkChanges = Partial<Pick<Park, 'name' | 'kind' | 'address'>>;
export type BuildingChanges = Partial<Pick<Building, 'name' | 'floors'>>;
export type EnterpriseChanges = Partial<Pick<Enterprise, 'name' | 'parkId' | 'buildingId' | 'industry' | 'size' | 'tags'>>;
export type MemberChanges = Partial<Pick<Member, 'name' | 'mobile' | 'email' | 'roles' | 'status'>>;

const epoch = new Date(0);

/** A stand-in record for a dry run. */
function made<T extends RecordBase>(model: string, code: string, fields: Omit<T, keyof RecordBase>): T {
  const base: RecordBase = { id: `dry-run:${model}:${code}`, officeId: '', code, version: 1, createdAt: epoch, updatedAt: epoch, archivedAt: null };
  // T is exactly its own fields plus RecordBase, which TypeScript cannot see through Omit.
  return { ...fields, ...base } as T;
}

function changed<T extends RecordBase>(current: T, changes: Partial<NoInfer<T>>): T {
  return { ...current, ...changes, version: current.version + 1 };
}

/** Creates and updates records for an import; `session` null means a dry run. */
export class DirectoryWriter {
  constructor(
    private readonly session: ImportSession | null,
    private readonly directory: Directory,
  ) {}

  async createCommunity(input: { code: string; name: string }): Promise<CommunityUnit> {
    const record = this.session ? await this.session.communities.create(input) : made<CommunityUnit>('community', input.code, { name: input.name });
    this.directory.communities.set(record);
    return record;
  }

  async createPark(input: ParkCreate): Promise<Park> {
    const { code, ...fields } = input;
    const record = this.session ? await this.session.parks.create(input) : made<Park>('park', code, { ...fields, kind: fields.kind ?? 'park' });
    this.directory.parks.set(record);
    return record;
  }

  async updatePark(current: Park, changes: ParkChanges): Promise<Park> {
    const record = this.session ? await this.session.parks.update({ id: current.id, version: current.version, ...changes }) : changed(current, changes);
    this.directory.parks.set(record);
    return record;
  }

  async createBuilding(input: BuildingCreate): Promise<Building> {
    const { code, ...fields } = input;
    const park = this.directory.parks.byId(input.parkId);
    const record = this.session ? await this.session.buildings.create(input) : made<Building>('building', code, { ...fields, communityId: park?.communityId ?? '' });
    this.directory.buildings.set(record);
    return record;
  }

  async updateBuilding(current: Building, changes: BuildingChanges): Promise<Building> {
    const record = this.session ? await this.session.buildings.update({ id: current.id, version: current.version, ...changes }) : changed(current, changes);
    this.directory.buildings.set(record);
    return record;
  }

  async createEnterprise(input: EnterpriseCreate): Promise<Enterprise> {
    const { creditCode, ...fields } = input;
    const record = this.session ? await this.session.enterprises.create(input) : made<Enterprise>('enterprise', creditCode, fields);
    this.directory.enterprises.set(record);
    return record;
  }

  async updateEnterprise(current: Enterprise, changes: EnterpriseChanges): Promise<Enterprise> {
    const record = this.session ? await this.session.enterprises.update({ id: current.id, version: current.version, ...changes }) : changed(current, changes);
    this.directory.enterprises.set(record);
    return record;
  }

  async createMember(input: MemberCreate): Promise<Member> {
    const { code, ...fields } = input;
    const record = this.session ? await this.session.members.create(input) : made<Member>('member', code, { ...fields, status: fields.status ?? 'active' });
    this.directory.members.set(record);
    return record;
  }

  async updateMember(current: Member, changes: MemberChanges): Promise<Member> {
    const record = this.session ? await this.session.members.update({ id: current.id, version: current.version, ...changes }) : changed(current, changes);
    this.directory.members.set(record);
    return record;
  }
}

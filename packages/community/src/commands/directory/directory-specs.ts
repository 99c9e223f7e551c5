import type { z } from 'zod';
import { createBuildingInput, updateBuildingInput, type Building } from '../../model/building.js';
import { createCommunityInput, updateCommunityInput, type Community } from '../../model/community-unit.js';
import { createEnterpriseInput, updateEnterpriseInput, type Enterprise } from '../../model/enterprise.js';
import { createMemberInput, updateMemberInput, type Member, type MemberRole } from '../../model/member.js';
import { createParkInput, updateParkInput, type Park } from '../../model/park.js';
import { createTeamInput, updateTeamInput, type Team } from '../../model/team.js';
import type { DirectoryLookup, DirectorySpec, ReferenceProblem } from './directory-spec.js';

/** Copies the keys of `input` that are present (not undefined), except id and version. */
function changed<T extends object>(input: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key !== 'id' && key !== 'version' && value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

async function expect(lookup: DirectoryLookup, problems: ReferenceProblem[], model: Parameters<DirectoryLookup>[0], id: string | null, path: string) {
  if (id === null) return null;
  const found = await lookup(model, id);
  if (!found) problems.push({ path, message: `no ${model} '${id}' in your office` });
  else if (found.archivedAt) problems.push({ path, message: `${model} '${found.code}' is archived` });
  return found;
}

export const communitySpec: DirectorySpec<Community, typeof createCommunityInput, typeof updateCommunityInput> = {
  model: 'community',
  label: 'community',
  createInput: createCommunityInput,
  updateInput: updateCommunityInput,
  codeOf: (input) => input.code,
  create: async (input) => ({ fields: { name: input.name }, problems: [] }),
  update: async (input) => ({ fields: changed(input), problems: [] }),
  filters: [],
};

export const parkSpec: DirectorySpec<Park, typeof createParkInput, typeof updateParkInput> = {
  model: 'park',
  label: 'park',
  createInput: createParkInput,
  updateInput: updateParkInput,
  codeOf: (input) => input.code,
  async create(input, lookup) {
    const problems: ReferenceProblem[] = [];
    await expect(lookup, problems, 'community', input.communityId, 'communityId');
    const { code: _code, ...fields } = input;
    return { fields, problems };
  },
  update: async (input) => ({ fields: changed(input), problems: [] }),
  filters: ['communityId'],
};

export const buildingSpec: DirectorySpec<Building, typeof createBuildingInput, typeof updateBuildingInput> = {
  model: 'building',
  label: 'building',
  createInput: createBuildingInput,
  updateInput: updateBuildingInput,
  codeOf: (input) => input.code,
  async create(input, lookup) {
    const problems: ReferenceProblem[] = [];
    const park = await expect(lookup, problems, 'park', input.parkId, 'parkId');
    const { code: _code, ...rest } = input;
    return { fields: { ...rest, communityId: (park?.['communityId'] as string | undefined) ?? '' }, problems };
  },
  update: async (input) => ({ fields: changed(input), problems: [] }),
  filters: ['parkId', 'communityId'],
};

/** Checks an enterprise's park and building agree with its community. */
async function placeEnterprise(lookup: DirectoryLookup, problems: ReferenceProblem[], communityId: string, parkId: string | null, buildingId: string | null) {
  const park = await expect(lookup, problems, 'park', parkId, 'parkId');
  if (park && park['communityId'] !== communityId) problems.push({ path: 'parkId', message: 'the park is in another community' });
  const building = await expect(lookup, problems, 'building', buildingId, 'buildingId');
  if (building && building['parkId'] !== parkId) problems.push({ path: 'buildingId', message: 'the building is not in the given park' });
}

export const enterpriseSpec: DirectorySpec<Enterprise, typeof createEnterpriseInput, typeof updateEnterpriseInput> = {
  model: 'enterprise',
  label: 'enterprise',
  createInput: createEnterpriseInput,
  updateInput: updateEnterpriseInput,
  codeOf: (input) => input.creditCode,
  async create(input, lookup) {
    const problems: ReferenceProblem[] = [];
    await expect(lookup, problems, 'community', input.communityId, 'communityId');
    await placeEnterprise(lookup, problems, input.communityId, input.parkId, input.buildingId);
    const { creditCode: _code, ...fields } = input;
    return { fields, problems };
  },
  async update(input, current, lookup) {
    const problems: ReferenceProblem[] = [];
    const fields = changed(input);
    if (input.parkId !== undefined || input.buildingId !== undefined) {
      const parkId = input.parkId === undefined ? current.parkId : input.parkId;
      const buildingId = input.buildingId === undefined ? current.buildingId : input.buildingId;
      if (parkId === null && buildingId !== null) problems.push({ path: 'buildingId', message: 'an enterprise without a park cannot be in a building; set buildingId to null too' });
      else await placeEnterprise(lookup, problems, current.communityId, parkId, buildingId);
    }
    return { fields, problems };
  },
  filters: ['communityId', 'parkId', 'buildingId', 'industry'],
};

export const teamSpec: DirectorySpec<Team, typeof createTeamInput, typeof updateTeamInput> = {
  model: 'team',
  label: 'team',
  createInput: createTeamInput,
  updateInput: updateTeamInput,
  codeOf: (input) => input.code,
  create: async ({ code: _code, ...fields }) => ({ fields, problems: [] }),
  update: async (input) => ({ fields: changed(input), problems: [] }),
  filters: ['kind'],
};

async function checkRoles(roles: MemberRole[], lookup: DirectoryLookup): Promise<ReferenceProblem[]> {
  const problems: ReferenceProblem[] = [];
  for (const [i, role] of roles.entries()) {
    if (role.role === 'captain') for (const [j, parkId] of role.parkIds.entries()) await expect(lookup, problems, 'park', parkId, `roles.${i}.parkIds.${j}`);
    if (role.role === 'provider') await expect(lookup, problems, 'team', role.teamId, `roles.${i}.teamId`);
    if (role.role === 'enterprise_contact') await expect(lookup, problems, 'enterprise', role.enterpriseId, `roles.${i}.enterpriseId`);
  }
  return problems;
}

export const memberSpec: DirectorySpec<Member, typeof createMemberInput, typeof updateMemberInput> = {
  model: 'member',
  label: 'member',
  createInput: createMemberInput,
  updateInput: updateMemberInput,
  codeOf: (input) => input.code,
  async create(input, lookup) {
    const { code: _code, ...fields } = input;
    return { fields, problems: await checkRoles(input.roles, lookup) };
  },
  async update(input, _current, lookup) {
    return { fields: changed(input), problems: input.roles ? await checkRoles(input.roles, lookup) : [] };
  },
  filters: ['status'],
};

/** Input types of the directory commands, for the session API. */
export type CreateInputOf<S> = S extends DirectorySpec<never, infer C, z.ZodType> ? z.input<C> : never;

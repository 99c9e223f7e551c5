import { createEnterpriseInput, type Building, type CommunityUnit, type EnterpriseSize, type Park } from '@kechuang/community';
import { enterpriseColumns, type EnterpriseColumn } from '../columns.js';
import type { Directory } from '../directory.js';
import type { EnterpriseChanges } from '../directory-writer.js';
import type { Reason } from '../reasons.js';
import type { Choices } from '../row-reader.js';
import { refReason, sameSet, schemaReasons, type RowHandler } from './row-handler.js';

/** Size bands as statistics name them (大型/中型/小型/微型). */
export const enterpriseSizeNames: Choices<EnterpriseSize> = {
  large: 'large', 大型: 'large', 大: 'large',
  medium: 'medium', 中型: 'medium', 中: 'medium',
  small: 'small', 小型: 'small', 小: 'small',
  micro: 'micro', 微型: 'micro', 微: 'micro',
};
const sizesShown = ['大型', '中型', '小型', '微型', 'large', 'medium', 'small', 'micro'];

interface EnterpriseDraft {
  creditCode: string | undefined;
  name: string | null | undefined;
  community: string | null | undefined;
  park: string | null | undefined;
  building: string | null | undefined;
  industry: string | null | undefined;
  size: EnterpriseSize | null | undefined;
  tags: string[] | undefined;
}

interface Place {
  community: CommunityUnit | undefined;
  park: Park | null | undefined;
  building: Building | null | undefined;
}

/**
 * Resolves where the enterprise is. The park may be left out when the building is given (a
 * building is in one park), and the community when the park is given or the office has a
 * single community; what is given must agree.
 */
function place(draft: EnterpriseDraft, directory: Directory, currentCommunityId: string | undefined, reasons: Reason[]): Place {
  let building: Building | null | undefined = draft.building === null ? null : undefined;
  if (draft.building) {
    const found = directory.buildings.byCode(draft.building);
    const problem = refReason(found, 'building', 'building', draft.building);
    if (problem) reasons.push(problem);
    else building = found;
  }
  let park: Park | null | undefined = draft.park === null ? null : undefined;
  if (draft.park) {
    const found = directory.parks.byCode(draft.park);
    const problem = refReason(found, 'park', 'park', draft.park);
    if (problem) reasons.push(problem);
    else park = found;
  }
  if (building && park === null) park = directory.parks.byId(building.parkId);
  if (building && park === undefined && draft.park === undefined) park = directory.parks.byId(building.parkId);
  if (building && park && building.parkId !== park.id) {
    reasons.push({ code: 'building_not_in_park', column: 'building', building: building.code, park: park.code, actualPark: directory.parks.byId(building.parkId)?.code ?? building.parkId });
  }

  let community: CommunityUnit | undefined;
  if (draft.community) {
    const found = directory.communities.byCode(draft.community);
    const problem = refReason(found, 'community', 'community', draft.community);
    if (problem) reasons.push(problem);
    else community = found;
    if (community && park && park.communityId !== community.id) {
      const actual = directory.communities.byId(park.communityId)?.code ?? park.communityId;
      reasons.push({ code: 'park_not_in_community', column: 'park', park: park.code, community: community.code, actualCommunity: actual });
    }
  } else if (park) {
    community = directory.communities.byId(park.communityId);
  } else if (currentCommunityId !== undefined) {
    community = directory.communities.byId(currentCommunityId);
  } else if (draft.park === undefined || draft.park === null) {
    const open = [...directory.communities.values()].filter((c) => !c.archivedAt);
    if (open.length === 1) community = open[0];
    else reasons.push({ code: 'community_needed', column: 'community', communities: open.map((c) => c.code) });
  }
  return { community, park, building };
}

/**
 * Enterprises by credit code (checked against GB 32100-2015's check character), placed in
 * parks and buildings by code; an import cannot move an enterprise to another community.
 */
export const enterprisesHandler: RowHandler<EnterpriseColumn, EnterpriseDraft> = {
  kind: 'enterprises',
  columns: enterpriseColumns,
  keyColumn: 'credit_code',
  needs: ['communities', 'parks', 'buildings', 'enterprises'],
  read(row) {
    const creditCode = row.creditCode('credit_code');
    return {
      key: creditCode,
      draft: {
        creditCode,
        name: row.text('name', 200, true),
        community: row.codeRef('community'),
        park: row.codeRef('park'),
        building: row.codeRef('building'),
        industry: row.text('industry', 100),
        size: row.choice('size', enterpriseSizeNames, sizesShown),
        tags: row.list('tags', 50, 50),
      },
    };
  },
  plan(draft, directory, reasons) {
    const { creditCode, name } = draft;
    const current = creditCode === undefined ? undefined : directory.enterprises.byCode(creditCode);
    const { community, park, building } = place(draft, directory, current?.communityId, reasons);
    if (current && community && community.id !== current.communityId) {
      const from = directory.communities.byId(current.communityId)?.code ?? current.communityId;
      reasons.push({ code: 'cannot_move', column: draft.community ? 'community' : 'park', model: 'enterprise', from, to: community.code });
    }
    if (reasons.length > 0 || creditCode === undefined || !name || !community) return undefined;

    if (!current) {
      const input = {
        creditCode,
        name,
        communityId: community.id,
        parkId: park?.id ?? null,
        buildingId: building?.id ?? null,
        industry: draft.industry ?? null,
        size: draft.size ?? null,
        tags: draft.tags ?? [],
      };
      reasons.push(...schemaReasons(createEnterpriseInput.safeParse(input)));
      if (reasons.length > 0) return undefined;
      return { action: 'create', write: (writer) => writer.createEnterprise(input) };
    }
    if (park && building === undefined && current.buildingId !== null) {
      // Moving to another park without naming a building would leave it in the old park's building.
      const kept = directory.buildings.byId(current.buildingId);
      if (kept && kept.parkId !== park.id) {
        reasons.push({ code: 'building_not_in_park', column: 'park', building: kept.code, park: park.code, actualPark: directory.parks.byId(kept.parkId)?.code ?? kept.parkId });
        return undefined;
      }
    }
    const changes: EnterpriseChanges = {};
    if (name !== current.name) changes.name = name;
    if (park !== undefined && (park?.id ?? null) !== current.parkId) changes.parkId = park?.id ?? null;
    if (building !== undefined && (building?.id ?? null) !== current.buildingId) changes.buildingId = building?.id ?? null;
    if (draft.industry !== undefined && draft.industry !== current.industry) changes.industry = draft.industry;
    if (draft.size !== undefined && draft.size !== current.size) changes.size = draft.size;
    if (draft.tags !== undefined && !sameSet(draft.tags, current.tags)) changes.tags = draft.tags;
    if (Object.keys(changes).length === 0) return { action: 'unchanged' };
    return { action: 'update', write: (writer) => writer.updateEnterprise(current, changes) };
  },
};

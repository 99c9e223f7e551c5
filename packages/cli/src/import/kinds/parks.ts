import { createParkInput, type Park } from '@kechuang/community';
import { parkColumns, type ParkColumn } from '../columns.js';
import type { ParkChanges } from '../directory-writer.js';
import type { Choices } from '../row-reader.js';
import { schemaReasons, type RowHandler } from './row-handler.js';

/** 园区/厂区 or park/factory_area. */
export const parkKinds: Choices<Park['kind']> = { park: 'park', 园区: 'park', factory_area: 'factory_area', factory: 'factory_area', 厂区: 'factory_area' };
const parkKindsShown = ['园区', '厂区', 'park', 'factory_area'];

interface ParkDraft {
  code: string | undefined;
  name: string | null | undefined;
  community: string | undefined;
  communityName: string | null | undefined;
  kind: Park['kind'] | null | undefined;
  address: string | null | undefined;
}

/**
 * Parks by `code`. A community named by code that does not exist yet is created when the row
 * gives its name (社区名称); a park cannot be moved to another community by an import.
 */
export const parksHandler: RowHandler<ParkColumn, ParkDraft> = {
  kind: 'parks',
  columns: parkColumns,
  keyColumn: 'code',
  needs: ['communities', 'parks'],
  read(row) {
    const code = row.code('code');
    return {
      key: code,
      draft: {
        code,
        name: row.text('name', 200, true),
        community: row.code('community'),
        communityName: row.text('community_name', 200),
        kind: row.choice('kind', parkKinds, parkKindsShown),
        address: row.text('address', 300),
      },
    };
  },
  plan(draft, directory, reasons) {
    const { code, name, community: communityCode, communityName } = draft;
    let community = communityCode === undefined ? undefined : directory.communities.byCode(communityCode);
    if (communityCode !== undefined) {
      if (community?.archivedAt) reasons.push({ code: 'archived_ref', column: 'community', model: 'community', value: communityCode });
      if (!community && !communityName) reasons.push({ code: 'community_needs_name', column: 'community', value: communityCode });
    }
    const current = code === undefined ? undefined : directory.parks.byCode(code);
    if (current && communityCode !== undefined && current.communityId !== community?.id) {
      const from = directory.communities.byId(current.communityId)?.code ?? current.communityId;
      reasons.push({ code: 'cannot_move', column: 'community', model: 'park', from, to: communityCode });
    }
    if (reasons.length > 0 || code === undefined || !name || communityCode === undefined) return undefined;

    if (!current) {
      const input = { communityId: community?.id ?? 'pending', code, name, address: draft.address ?? null, ...(draft.kind ? { kind: draft.kind } : {}) };
      reasons.push(...schemaReasons(createParkInput.safeParse(input)));
      if (reasons.length > 0) return undefined;
      return {
        action: 'create',
        async write(writer) {
          // An earlier row may have created the community meanwhile.
          community ??= directory.communities.byCode(communityCode);
          community ??= await writer.createCommunity({ code: communityCode, name: communityName ?? communityCode });
          return writer.createPark({ ...input, communityId: community.id });
        },
      };
    }
    const changes: ParkChanges = {};
    if (name !== current.name) changes.name = name;
    if (draft.kind && draft.kind !== current.kind) changes.kind = draft.kind;
    if (draft.address !== undefined && draft.address !== current.address) changes.address = draft.address;
    if (Object.keys(changes).length === 0) return { action: 'unchanged' };
    return { action: 'update', write: (writer) => writer.updatePark(current, changes) };
  },
};

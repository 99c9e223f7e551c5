import { createBuildingInput } from '@kechuang/community';
import { buildingColumns, type BuildingColumn } from '../columns.js';
import type { BuildingChanges } from '../directory-writer.js';
import { refReason, schemaReasons, type RowHandler } from './row-handler.js';

interface BuildingDraft {
  code: string | undefined;
  name: string | null | undefined;
  park: string | undefined;
  floors: number | null | undefined;
}

/** Buildings by `code` (`P01-B02`), in parks that exist; a building cannot change park. */
export const buildingsHandler: RowHandler<BuildingColumn, BuildingDraft> = {
  kind: 'buildings',
  columns: buildingColumns,
  keyColumn: 'code',
  needs: ['parks', 'buildings'],
  read(row) {
    const code = row.code('code');
    return {
      key: code,
      draft: { code, name: row.text('name', 200, true), park: row.code('park'), floors: row.integer('floors', 1, 200, '层') },
    };
  },
  plan(draft, directory, reasons) {
    const { code, name, park: parkCode } = draft;
    const park = parkCode === undefined ? undefined : directory.parks.byCode(parkCode);
    if (parkCode !== undefined) {
      const problem = refReason(park, 'park', 'park', parkCode);
      if (problem) reasons.push(problem);
    }
    const current = code === undefined ? undefined : directory.buildings.byCode(code);
    if (current && park && current.parkId !== park.id) {
      reasons.push({ code: 'cannot_move', column: 'park', model: 'building', from: directory.parks.byId(current.parkId)?.code ?? current.parkId, to: park.code });
    }
    if (reasons.length > 0 || code === undefined || !name || !park) return undefined;

    if (!current) {
      const input = { parkId: park.id, code, name, floors: draft.floors ?? null };
      reasons.push(...schemaReasons(createBuildingInput.safeParse(input)));
      if (reasons.length > 0) return undefined;
      return { action: 'create', write: (writer) => writer.createBuilding(input) };
    }
    const changes: BuildingChanges = {};
    if (name !== current.name) changes.name = name;
    if (draft.floors !== undefined && draft.floors !== current.floors) changes.floors = draft.floors;
    if (Object.keys(changes).length === 0) return { action: 'unchanged' };
    return { action: 'update', write: (writer) => writer.updateBuilding(current, changes) };
  },
};

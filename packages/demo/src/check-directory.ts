/**
 * Consistency checks for a {@link DemoDirectory}: codes unique within their kind and every
 * code reference resolving. {@link loadDemo} runs them before writing anything, so a
 * hand-edited directory fails up front instead of half-way through a load.
 */
import type { DemoDirectory } from './directory.js';

function findDuplicates(kind: string, codes: readonly string[], problems: string[]): Set<string> {
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) problems.push(`${kind} code '${code}' is used more than once`);
    seen.add(code);
  }
  return seen;
}

/**
 * Lists what is wrong with a directory, in plain sentences; an empty list means it is
 * consistent. Field formats (credit-code check characters, mobile numbers …) are left to the
 * core's input schemas.
 *
 * @example
 * ```ts
 * const problems = findDirectoryProblems(generateMengchuang({ enterprises: 10 }));
 * problems; // []
 * ```
 */
export function findDirectoryProblems(directory: DemoDirectory): string[] {
  const problems: string[] = [];
  const communityCode = directory.community.code;
  const parkCodes = findDuplicates('Park', directory.parks.map((p) => p.code), problems);
  findDuplicates('Building', directory.buildings.map((b) => b.code), problems);
  const enterpriseCodes = findDuplicates('Enterprise credit', directory.enterprises.map((e) => e.creditCode), problems);
  const teamCodes = findDuplicates('Team', directory.teams.map((t) => t.code), problems);
  findDuplicates('Member', directory.members.map((m) => m.code), problems);

  const parkOfBuilding = new Map<string, string>();
  for (const park of directory.parks) {
    if (park.communityCode !== communityCode) problems.push(`Park ${park.code} names unknown community '${park.communityCode}'`);
  }
  for (const building of directory.buildings) {
    parkOfBuilding.set(building.code, building.parkCode);
    if (!parkCodes.has(building.parkCode)) problems.push(`Building ${building.code} names unknown park '${building.parkCode}'`);
  }
  for (const enterprise of directory.enterprises) {
    const { creditCode, parkCode, buildingCode } = enterprise;
    if (enterprise.communityCode !== communityCode) {
      problems.push(`Enterprise ${creditCode} names unknown community '${enterprise.communityCode}'`);
    }
    if (parkCode !== null && !parkCodes.has(parkCode)) problems.push(`Enterprise ${creditCode} names unknown park '${parkCode}'`);
    if (buildingCode !== null) {
      const buildingPark = parkOfBuilding.get(buildingCode);
      if (buildingPark === undefined) problems.push(`Enterprise ${creditCode} names unknown building '${buildingCode}'`);
      else if (buildingPark !== parkCode) {
        problems.push(`Enterprise ${creditCode} is in building ${buildingCode}, which is not in its park '${parkCode ?? '(none)'}'`);
      }
    }
  }
  for (const member of directory.members) {
    for (const role of member.roles) {
      if (role.role === 'captain') {
        if (role.parkCodes.length === 0) problems.push(`Captain ${member.code} has no parks`);
        for (const code of role.parkCodes) {
          if (!parkCodes.has(code)) problems.push(`Member ${member.code} captains unknown park '${code}'`);
        }
      } else if (role.role === 'provider' && !teamCodes.has(role.teamCode)) {
        problems.push(`Member ${member.code} works for unknown team '${role.teamCode}'`);
      } else if (role.role === 'enterprise_contact' && !enterpriseCodes.has(role.enterpriseCode)) {
        problems.push(`Member ${member.code} is a contact of unknown enterprise '${role.enterpriseCode}'`);
      }
    }
  }
  return problems;
}

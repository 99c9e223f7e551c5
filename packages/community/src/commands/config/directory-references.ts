import type { Condition, OfficeConfig } from '../../config/config-schema.js';
import { KechuangError, type ValidationIssue } from '../../errors/kechuang-error.js';
import type { Runtime } from '../../pipeline/runtime.js';

type Path = (string | number)[];
interface Reference {
  model: 'member' | 'team' | 'park' | 'building';
  ref: string;
  path: Path;
}

const PLACE_FIELDS = { park: 'park', building: 'building' } as const;

/** The park and building codes a condition names in equality and `in` tests. */
function conditionRefs(condition: Condition, path: Path, out: Reference[]): void {
  for (const [key, value] of Object.entries(condition)) {
    if (key === 'all' || key === 'any') (value as Condition[]).forEach((c, i) => conditionRefs(c, [...path, key, i], out));
    else if (key === 'not') conditionRefs(value as Condition, [...path, key], out);
    else if (key in PLACE_FIELDS) {
      const model = PLACE_FIELDS[key as keyof typeof PLACE_FIELDS];
      if (typeof value === 'string') out.push({ model, ref: value, path: [...path, key] });
      else if (value && typeof value === 'object') {
        for (const op of ['eq', 'ne'] as const) {
          const v = (value as Record<string, unknown>)[op];
          if (typeof v === 'string') out.push({ model, ref: v, path: [...path, key, op] });
        }
        for (const op of ['in', 'not_in'] as const) {
          const list = (value as Record<string, unknown>)[op];
          if (Array.isArray(list)) list.forEach((v, i) => typeof v === 'string' && out.push({ model, ref: v, path: [...path, key, op, i] }));
        }
      }
    }
  }
}

function references(config: OfficeConfig): Reference[] {
  const out: Reference[] = [];
  config.teams.forEach((t, i) => out.push({ model: 'team', ref: t.code, path: ['teams', i, 'code'] }));
  const target = (t: object, path: Path): void => {
    if ('member' in t) out.push({ model: 'member', ref: (t as { member: string }).member, path: [...path, 'member'] });
    if ('team' in t) out.push({ model: 'team', ref: (t as { team: string }).team, path: [...path, 'team'] });
  };
  config.routing.rules.forEach((rule, i) => {
    const base: Path = ['routing', 'rules', i];
    conditionRefs(rule.when, [...base, 'when'], out);
    if (rule.then.assign) target(rule.then.assign, [...base, 'then', 'assign']);
    rule.then.assist?.forEach((a, j) => target(a, [...base, 'then', 'assist', j]));
    rule.then.watchers?.forEach((w, j) => typeof w === 'string' && out.push({ model: 'member', ref: w, path: [...base, 'then', 'watchers', j] }));
  });
  target(config.routing.fallback.assign, ['routing', 'fallback', 'assign']);
  config.notifications?.rules.forEach((rule, i) =>
    rule.to.forEach((to, j) => typeof to === 'object' && 'member' in to && out.push({ model: 'member', ref: to.member, path: ['notifications', 'rules', i, 'to', j, 'member'] })),
  );
  return out;
}

/**
 * Checks that every member, team, park and building the config names (by id or code) exists
 * in the office's directory; one VALIDATION_FAILED lists every one that does not.
 */
export async function checkDirectoryReferences(runtime: Runtime, officeId: string, config: OfficeConfig): Promise<void> {
  const refs = references(config);
  const known = new Map<string, Set<string>>();
  for (const model of new Set(refs.map((r) => r.model))) {
    const rows = await runtime.storage.findMany({ model, where: [{ field: 'officeId', value: officeId }, { field: 'archivedAt', op: 'is_null' }] });
    known.set(model, new Set(rows.flatMap((r) => [r['id'] as string, r['code'] as string])));
  }
  const issues: ValidationIssue[] = refs
    .filter((r) => !known.get(r.model)?.has(r.ref))
    .map((r) => ({ path: r.path, message: `no ${r.model} with id or code '${r.ref}' in your office's directory`, code: 'unknown_reference' }));
  if (issues.length > 0) {
    const list = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new KechuangError('VALIDATION_FAILED', `Invalid office config: ${list}. Add the records to the directory first, or fix the codes.`, { issues });
  }
}

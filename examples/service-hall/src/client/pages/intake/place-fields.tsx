/**
 * Where a request comes from: the enterprise (searched) and its park. The park follows the
 * enterprise; without one, the park says where the problem is, and it narrows the search.
 */
import type { ApiProblem } from '../../api.js';
import { Field, fieldAria } from '../../components/field.js';
import type { EnterpriseLite } from '../../directory/enterprise-directory.js';
import type { ParkRow } from '../../directory/places.js';
import { EnterprisePicker } from './enterprise-picker.js';
import { useIntakeTexts } from './intake-texts.js';

export interface PlaceFieldsProps {
  enterprise: EnterpriseLite | null;
  onEnterprise(enterprise: EnterpriseLite | null): void;
  onEnterpriseQuery(text: string): void;
  /** The chosen park's id, or ''. */
  parkId: string;
  onPark(parkId: string): void;
  /** The parks the member may choose from. */
  parks: ParkRow[];
  /** Whether to offer "no park" (staff may search the whole office). */
  anyPark: boolean;
  showPark: boolean;
  /** The park only narrows the search (a visit takes the enterprise's park). */
  parkIsFilter?: boolean;
  enterpriseLabel: string;
  enterpriseRequired: boolean;
  problem: ApiProblem | null;
}

export function PlaceFields({ enterprise, onEnterprise, onEnterpriseQuery, parkId, onPark, parks, anyPark, showPark, parkIsFilter, enterpriseLabel, enterpriseRequired, problem }: PlaceFieldsProps) {
  const t = useIntakeTexts();
  const parkLocked = enterprise?.parkId != null;
  // Picking a park first narrows the search to it; a chosen enterprise's park is its own.
  const scope = parkLocked ? null : parkId || null;
  const parkRequired = showPark && !enterprise && !parkIsFilter;
  const enterpriseField = (
    <Field id="intake-enterprise" label={enterpriseLabel} path="enterpriseId" problem={problem} required={enterpriseRequired} hint={enterprise ? undefined : scope ? t.field.enterpriseHintPark : t.field.enterpriseHint}>
      <EnterprisePicker
        id="intake-enterprise"
        value={enterprise}
        onQuery={onEnterpriseQuery}
        parkId={scope}
        aria={fieldAria('intake-enterprise', 'enterpriseId', problem)}
        onChange={(next) => {
          onEnterprise(next);
          if (next?.parkId) onPark(next.parkId);
        }}
      />
    </Field>
  );
  const parkHint = parkLocked ? t.field.parkFromEnterprise : parkIsFilter ? t.field.parkFilter : anyPark ? t.field.parkNeeded : t.field.parkOwn;
  const parkField = showPark ? (
    <Field id="intake-park" label={t.field.park} path="parkId" problem={problem} required={parkRequired} hint={parkHint}>
      <select id="intake-park" class="input" value={parkId} disabled={parkLocked} onChange={(e) => onPark(e.currentTarget.value)} {...fieldAria('intake-park', 'parkId', problem)}>
        {anyPark || parkId === '' ? <option value="">{t.field.parkChoose}</option> : null}
        {parks.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </Field>
  ) : null;
  // A captain starts from their park, whose enterprises the search then offers.
  return (
    <div class="grid-2 intake-place">
      {anyPark ? (
        <>
          {enterpriseField}
          {parkField}
        </>
      ) : (
        <>
          {parkField}
          {enterpriseField}
        </>
      )}
    </div>
  );
}

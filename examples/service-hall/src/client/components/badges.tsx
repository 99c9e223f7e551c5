/** Small labels: a request's status and its deadline light (red, yellow, green). */
import { lightOf, type Light } from '../format.js';
import { useShared } from '../shared-texts.js';

export function StatusBadge({ status }: { status: string }) {
  const t = useShared();
  return <span class={`badge badge--status badge--${status}`}>{t.status[status] ?? status}</span>;
}

export function LightBadge({ request, light }: { request?: Parameters<typeof lightOf>[0]; light?: Light }) {
  const t = useShared();
  const value = light ?? (request ? lightOf(request) : 'none');
  return (
    <span class={`light light--${value}`} data-light={value}>
      <span class="light__dot" aria-hidden="true" />
      {t.light[value]}
    </span>
  );
}

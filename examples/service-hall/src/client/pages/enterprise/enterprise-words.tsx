/**
 * How an enterprise's own fields read: its status in the directory, its industry and labels
 * (kept in Chinese in the directory, shown in English where the demo's are known).
 */
import { useEnterpriseTexts } from './enterprise-texts.js';

type Texts = ReturnType<typeof useEnterpriseTexts>;

export function industryLabel(t: Texts, industry: string | null): string {
  if (!industry) return '—';
  return t.industries[industry] ?? industry;
}

function tagLabel(t: Texts, tag: string): string {
  return t.tags[tag] ?? tag;
}

/** An enterprise's labels (科技型中小企业, 专精特新 …) as chips. */
export function EnterpriseTags({ tags, className }: { tags: readonly string[]; className: string }) {
  const t = useEnterpriseTexts();
  return (
    <span class={className}>
      {tags.map((tag) => (
        <span key={tag} class="ent-tag">
          {tagLabel(t, tag)}
        </span>
      ))}
    </span>
  );
}

export function sizeLabel(t: Texts, size: string | null): string {
  if (!size) return '—';
  return t.size[size] ?? size;
}

/** 在册 or 已迁出: an archived enterprise has left the community's directory. */
export function EnterpriseStatus({ archived }: { archived: boolean }) {
  const t = useEnterpriseTexts();
  return (
    <span class={archived ? 'badge ent-status ent-status--archived' : 'badge ent-status ent-status--active'} data-enterprise-status={archived ? 'archived' : 'active'}>
      {archived ? t.status.archived : t.status.active}
    </span>
  );
}

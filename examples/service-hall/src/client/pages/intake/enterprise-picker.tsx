/**
 * Search-as-you-type over the enterprise directory: a combobox whose suggestions are options
 * with `data-enterprise-id`. Typing a full credit code asks the server for it directly, so a
 * code read off a business licence is found before the whole directory has loaded.
 */
import { isValidCreditCode } from '@kechuang/community';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { creditCodeOf, enterpriseByCode, matchEnterprises, type EnterpriseLite } from '../../directory/enterprise-directory.js';
import { useLocale } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import { fill, useIntakeTexts } from './intake-texts.js';
import { useDirectoryWalk } from './use-directory-walk.js';

const SHOWN = 8;

export interface EnterprisePickerProps {
  id: string;
  value: EnterpriseLite | null;
  onChange(value: EnterpriseLite | null): void;
  /** What is typed in the box, so that a form can tell "typed a name but picked nothing". */
  onQuery?(text: string): void;
  /** Search only this park's enterprises. */
  parkId: string | null;
  aria: { 'aria-invalid': boolean; 'aria-describedby'?: string };
  disabled?: boolean;
}

/** The enterprise a full credit code names, asked of the server; null when none. */
function useByCode(code: string | null): EnterpriseLite | null {
  const [found, setFound] = useState<EnterpriseLite | null>(null);
  useEffect(() => {
    setFound(null);
    if (!code) return;
    const controller = new AbortController();
    enterpriseByCode(code, controller.signal).then(setFound, () => undefined);
    return () => controller.abort();
  }, [code]);
  return found;
}

export function EnterprisePicker({ id, value, onChange, onQuery, parkId, aria, disabled }: EnterprisePickerProps) {
  const t = useIntakeTexts();
  const shared = useShared();
  const locale = useLocale();
  const session = useSession();
  const [text, setTextState] = useState(value?.name ?? '');
  const setText = (next: string): void => {
    setTextState(next);
    onQuery?.(next);
  };
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  const [active, setActive] = useState(0);
  const directory = useDirectoryWalk(parkId, used);

  // A value set from outside (a reset, a park change clearing it) shows in the box.
  useEffect(() => setText(value?.name ?? ''), [value?.id]);

  const typed = text.trim();
  // Only a code that can exist (its check character right) is asked of the server.
  const shaped = creditCodeOf(typed);
  const code = shaped && isValidCreditCode(shaped) ? shaped : null;
  const byCode = useByCode(value ? null : code);
  const result = useMemo(() => {
    // Across the whole office an empty box would list thousands; within a park it browses.
    if (!typed && parkId === null) return { matches: [], total: 0 };
    const all = matchEnterprises(directory.items, typed);
    return { matches: all.slice(0, SHOWN), total: all.length };
  }, [directory.items, typed, parkId]);
  const matches = byCode && (parkId === null || byCode.parkId === parkId) && !result.matches.some((e) => e.id === byCode.id) ? [byCode, ...result.matches].slice(0, SHOWN) : result.matches;
  const more = Math.max(0, result.total - matches.length);

  const listId = `${id}-options`;
  const showList = open && !value && !disabled;

  const pick = (e: EnterpriseLite): void => {
    onChange(e);
    setText(e.name);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (matches.length > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if (event.key === 'Enter' && showList) {
      // Enter picks the highlighted enterprise instead of submitting the form.
      event.preventDefault();
      const chosen = matches[active];
      if (chosen) pick(chosen);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  let status: string | null = null;
  if (directory.problem) status = t.picker.loadFailed;
  else if (!directory.done && directory.items.length === 0) status = t.picker.loading;
  else if (!typed && parkId === null) status = t.picker.typeMore;
  else if (matches.length === 0) status = directory.done ? t.picker.noMatch : fill(t.picker.loadingCount, { n: directory.items.length.toLocaleString(locale) });
  else if (!directory.done) status = fill(t.picker.loadingCount, { n: directory.items.length.toLocaleString(locale) });
  else if (more > 0) status = fill(t.picker.more, { n: more });

  return (
    <div class="enterprise-picker">
      <div class="enterprise-picker__box">
        <input
          id={id}
          class="input"
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && matches[active] ? `${listId}-${active}` : undefined}
          placeholder={t.field.enterprisePlaceholder}
          value={text}
          disabled={disabled}
          {...aria}
          onFocus={() => {
            setUsed(true);
            setOpen(true);
          }}
          onBlur={() => setOpen(false)}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setActive(0);
            setOpen(true);
            setUsed(true);
            if (value) onChange(null);
          }}
          onKeyDown={onKeyDown}
        />
        {value && !disabled ? (
          <button type="button" class="button button--ghost button--small enterprise-picker__change" aria-label={t.picker.changeLabel} onClick={() => { onChange(null); setText(''); document.getElementById(id)?.focus(); }}>
            {t.picker.change}
          </button>
        ) : null}
      </div>
      {value ? (
        <p class="enterprise-picker__chosen muted" data-testid="intake-enterprise-chosen">
          {t.picker.code} {value.code}
          {value.parkId ? ` · ${session.parkNames.get(value.parkId) ?? ''}` : ''}
          {value.industry ? ` · ${value.industry}` : ''}
        </p>
      ) : null}
      {showList ? (
        <div class="enterprise-picker__popup">
          <ul class="enterprise-picker__list" id={listId} role="listbox" aria-label={t.field.enterprise}>
            {matches.map((e, i) => (
              <li key={e.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} data-enterprise-id={e.id} class={i === active ? 'enterprise-picker__option enterprise-picker__option--active' : 'enterprise-picker__option'}
                // mousedown, not click: the input would blur first and close the list.
                onMouseDown={(event) => { event.preventDefault(); pick(e); }}
                onMouseEnter={() => setActive(i)}
              >
                <span class="enterprise-picker__name">{e.name}</span>
                <span class="enterprise-picker__meta">
                  {e.parkId ? session.parkNames.get(e.parkId) : ''}
                  {e.industry ? ` · ${e.industry}` : ''}
                </span>
              </li>
            ))}
          </ul>
          {status ? (
            <p class="enterprise-picker__status" role="status">
              {status}
              {directory.problem ? (
                <button type="button" class="button button--ghost button--small" onMouseDown={(event) => { event.preventDefault(); directory.retry(); }}>
                  {shared.common.retry}
                </button>
              ) : null}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

import { checkCreditCode, codeSchema, createMemberInput, mobileSchema } from '@kechuang/community';
import type { HeaderMap } from './header-map.js';
import type { Reason } from './reasons.js';

/** A choice cell's accepted spellings (lower-cased) and what each means. */
export type Choices<T extends string> = Readonly<Record<string, T>>;

/**
 * Reads the cells of one row by column and collects every problem, so a rejected row lists
 * all of its reasons at once. Each reader returns `undefined` when the file has no such column
 * (the field is left alone), `null` for an empty cell, else the cleaned value; a bad value is
 * recorded as a reason and also read as `undefined`.
 */
export class RowReader<K extends string> {
  readonly reasons: Reason[] = [];

  constructor(
    private readonly map: HeaderMap<K>,
    private readonly cells: readonly string[],
    width: number,
  ) {
    const extra = cells.slice(width).filter((c) => c.trim() !== '').length;
    if (extra > 0) this.reasons.push({ code: 'extra_cells', count: extra });
  }

  /** Whether the file has this column. */
  has(key: K): boolean {
    return this.map.index.has(key);
  }

  /** The trimmed cell; `undefined` without the column, `null` when blank. */
  cell(key: K): string | null | undefined {
    const i = this.map.index.get(key);
    if (i === undefined) return undefined;
    const value = (this.cells[i] ?? '').trim();
    return value === '' ? null : value;
  }

  private fail(reason: Reason): undefined {
    this.reasons.push(reason);
    return undefined;
  }

  /** Free text of at most `max` characters; `required` makes a blank cell a reason. */
  text(key: K, max: number, required = false): string | null | undefined {
    const value = this.cell(key);
    if (value === null && required) return this.fail({ code: 'required', column: key });
    if (value && [...value].length > max) return this.fail({ code: 'too_long', column: key, max });
    return value;
  }

  /** A stable code (`P01`, `P01-B02`, a staff number), always required where it is read. */
  code(key: K): string | undefined {
    const value = this.cell(key);
    if (value === undefined) return undefined;
    if (value === null) return this.fail({ code: 'required', column: key });
    return codeSchema.safeParse(value).success ? value : this.fail({ code: 'bad_code', column: key, value });
  }

  /** An optional reference to a code; blank is `null`. */
  codeRef(key: K): string | null | undefined {
    const value = this.cell(key);
    if (value === null || value === undefined) return value;
    return codeSchema.safeParse(value).success ? value : this.fail({ code: 'bad_code', column: key, value });
  }

  /** A unified social credit code, upper-cased; the check character is verified. */
  creditCode(key: K): string | undefined {
    const cell = this.cell(key);
    if (cell === undefined) return undefined;
    if (cell === null) return this.fail({ code: 'required', column: key });
    const value = cell.replace(/\s+/g, '').toUpperCase();
    const problem = checkCreditCode(value);
    return problem ? this.fail({ code: 'credit_code', column: key, value, problem }) : value;
  }

  /** One of a fixed set of values, by any of its spellings (case-insensitive). */
  choice<T extends string>(key: K, choices: Choices<T>, shown: readonly string[]): T | null | undefined {
    const value = this.cell(key);
    if (value === null || value === undefined) return value;
    const found = choices[value.toLowerCase().replace(/[\s-]+/g, '_')] ?? choices[value];
    return found ?? this.fail({ code: 'bad_choice', column: key, value, allowed: shown });
  }

  /** A whole number in `[min, max]`; a unit after it (`12层`) is tolerated. */
  integer(key: K, min: number, max: number, unit = ''): number | null | undefined {
    const value = this.cell(key);
    if (value === null || value === undefined) return value;
    const digits = unit && value.endsWith(unit) ? value.slice(0, -unit.length).trim() : value;
    const n = /^\d+$/.test(digits) ? Number(digits) : NaN;
    return Number.isInteger(n) && n >= min && n <= max ? n : this.fail({ code: 'bad_number', column: key, value, min, max });
  }

  /** A list cell (`高新技术企业;专精特新`), split on `;`, `；`, `,`, `，`, `、` or `|`. */
  list(key: K, maxItems: number, maxLength: number): string[] | undefined {
    const value = this.cell(key);
    if (value === undefined) return undefined;
    if (value === null) return [];
    const items = [...new Set(value.split(/[;；,，、|]/).map((s) => s.trim()).filter((s) => s !== ''))];
    if (items.length > maxItems) return this.fail({ code: 'too_many', column: key, max: maxItems });
    if (items.some((s) => [...s].length > maxLength)) return this.fail({ code: 'too_long', column: key, max: maxLength });
    return items;
  }

  /** A mainland mobile number; spaces, dashes and a +86 prefix are dropped. */
  mobile(key: K): string | null | undefined {
    const value = this.cell(key);
    if (value === null || value === undefined) return value;
    const digits = value.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
    return mobileSchema.safeParse(digits).success ? digits : this.fail({ code: 'bad_mobile', column: key, value });
  }

  /** An e-mail address, checked as the core checks it. */
  email(key: K): string | null | undefined {
    const value = this.cell(key);
    if (value === null || value === undefined) return value;
    return createMemberInput.shape.email.safeParse(value).success ? value : this.fail({ code: 'bad_email', column: key, value });
  }
}

import type { z } from 'zod';
import type { DirectoryModel } from '../../auth/authorization-policy.js';
import type { RecordBase } from '../../model/common.js';

/** Reads a directory record in the actor's office, for reference checks. */
export type DirectoryLookup = (model: DirectoryModel, id: string) => Promise<(RecordBase & Record<string, unknown>) | null>;

/** A reference problem: the path of the field and what is wrong. */
export type ReferenceProblem = { path: string; message: string };

/**
 * How one directory model is created and updated. `fields` turns parsed input into the
 * record's own fields (without the base fields), checking references through `lookup`.
 */
export interface DirectorySpec<T extends RecordBase, C extends z.ZodType, U extends z.ZodType> {
  model: DirectoryModel;
  /** Human name for messages, e.g. `park`. */
  label: string;
  createInput: C;
  updateInput: U;
  /** The stable code of a create input (the credit code for enterprises). */
  codeOf(input: z.output<C>): string;
  /** The record's own fields from a create input, plus reference problems. */
  create(input: z.output<C>, lookup: DirectoryLookup): Promise<{ fields: Omit<T, keyof RecordBase>; problems: ReferenceProblem[] }>;
  /** The changed fields from an update input, given the current record. */
  update(input: z.output<U>, current: T, lookup: DirectoryLookup): Promise<{ fields: Partial<Omit<T, keyof RecordBase>>; problems: ReferenceProblem[] }>;
  /** Fields a list may filter on, e.g. `parkId`. */
  filters: readonly string[];
}

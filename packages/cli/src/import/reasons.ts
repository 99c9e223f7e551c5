/**
 * Why a row was rejected, as data: rendered in the user's language by `renderReason`, and
 * easy to assert on in tests. `column` is the column's key; messages show the header as the
 * file writes it.
 */
import type { CreditCodeProblem } from '@kechuang/community';
import type { RoleProblem } from './role-syntax.js';

/** Directory records a row can refer to by code. */
export type RefModel = 'community' | 'park' | 'building' | 'team' | 'enterprise';

export type Reason =
  | { code: 'required'; column: string }
  | { code: 'too_long'; column: string; max: number }
  | { code: 'too_many'; column: string; max: number }
  | { code: 'bad_code'; column: string; value: string }
  | { code: 'credit_code'; column: string; value: string; problem: CreditCodeProblem }
  | { code: 'bad_choice'; column: string; value: string; allowed: readonly string[] }
  | { code: 'bad_number'; column: string; value: string; min: number; max: number }
  | { code: 'bad_mobile'; column: string; value: string }
  | { code: 'bad_email'; column: string; value: string }
  | { code: 'extra_cells'; count: number }
  | { code: 'duplicate_in_file'; column: string; value: string; line: number }
  | { code: 'unknown_ref'; column: string; model: RefModel; value: string }
  | { code: 'archived_ref'; column: string; model: RefModel; value: string }
  | { code: 'building_not_in_park'; column: string; building: string; park: string; actualPark: string }
  | { code: 'park_not_in_community'; column: string; park: string; community: string; actualCommunity: string }
  | { code: 'cannot_move'; column: string; model: 'park' | 'building' | 'enterprise'; from: string; to: string }
  | { code: 'community_needs_name'; column: string; value: string }
  | { code: 'community_needed'; column: string; communities: readonly string[] }
  | (RoleProblem & { column: string })
  | { code: 'unknown_portfolio'; column: string; value: string; allowed: readonly string[] }
  | { code: 'conflict' }
  | { code: 'duplicate_record'; value: string }
  | { code: 'refused'; message: string; path?: string };

/** A row's reasons, or none. */
export type Reasons = Reason[];

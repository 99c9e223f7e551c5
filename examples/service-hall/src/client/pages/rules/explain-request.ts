/**
 * Turns the rules form into what `POST /api/routing/explain` takes — the body of a submit —
 * and asks. The pasted text splits into a title (its first line) and a description (the rest);
 * an enterprise is looked up by its credit code first.
 */
import type { OfficeConfig } from '@kechuang/community';
import { ApiProblem } from '../../api.js';
import { attributeValues, type AttributeDraft } from '../../category/attribute-values.js';
import { enterpriseByCode } from '../../directory/enterprise-directory.js';
import type { Places } from '../../directory/places.js';
import { explainRouting, type Explanation } from '../../routing/explain.js';

/** What the form holds. Attribute values stay as typed until they are sent, numbers as numbers where they read as one. */
export interface Draft {
  text: string;
  category: string;
  parkId: string;
  channel: string;
  enterpriseCode: string;
  priority: string;
  attributes: AttributeDraft;
}

export const emptyDraft: Draft = { text: '', category: '', parkId: '', channel: 'phone', enterpriseCode: '', priority: 'normal', attributes: {} };

const TITLE_MAX = 200;

/** The first non-empty line (trimmed, at most 200 characters) and everything after it. */
export function splitText(text: string): { title: string; description: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return { title: '', description: '' };
  const line = lines[first]!.trim();
  // A first line over the limit keeps its overflow in the description rather than losing it.
  const title = [...line].slice(0, TITLE_MAX).join('');
  const rest = [...line].slice(TITLE_MAX).join('');
  return { title, description: [rest, ...lines.slice(first + 1)].join('\n').trim() };
}

export interface ExplainMessages {
  enterpriseNotFound(code: string): string;
}

export async function explainDraft(draft: Draft, directory: Places & { config: OfficeConfig }, messages: ExplainMessages): Promise<Explanation> {
  const code = draft.enterpriseCode.trim();
  const enterprise = code ? await enterpriseByCode(code) : null;
  const unknownCode = code && !enterprise ? new ApiProblem(400, 'NOT_FOUND', messages.enterpriseNotFound(code), { enterpriseId: messages.enterpriseNotFound(code) }) : null;
  const parkId = draft.parkId || enterprise?.parkId || null;
  const park = directory.parks.find((p) => p.id === parkId);
  const { title, description } = splitText(draft.text);
  const body = {
    communityId: park?.communityId ?? enterprise?.communityId ?? directory.communities[0]?.id ?? '',
    parkId,
    enterpriseId: enterprise?.id ?? null,
    channel: draft.channel,
    category: draft.category,
    priority: draft.priority,
    title,
    description,
    attributes: attributeValues(directory.config.categories.find((c) => c.id === draft.category), draft.attributes),
  };
  if (!unknownCode) return explainRouting(body);
  // An unknown code is one mistake among possibly several: ask anyway, so that every field's problem shows at once.
  try {
    await explainRouting(body);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 400) throw new ApiProblem(400, error.code, error.message, { ...error.fields, ...unknownCode.fields });
    throw error;
  }
  throw unknownCode;
}

/** Who a report is about, as {@link MonthlyReportData.subject} holds it. */
export interface ReportSubject {
  office: string | null;
  community: string | null;
}

/** What {@link lookUpSubject} reads: the office and its communities, as the session sees them. */
export interface SubjectSources {
  office(): Promise<{ name: string }>;
  communities(): Promise<readonly { name: string }[]>;
}

/**
 * The office's name, and its community's when it has exactly one (as the Mengchuang office
 * does): the name a report is headed with.
 *
 * @example
 * ```ts
 * await lookUpSubject({ office: () => session.office.get(), communities: async () => (await session.communities.list({ limit: 2 })).items });
 * // { office: '仓前街道', community: '梦创社区' }
 * ```
 */
export async function lookUpSubject(sources: SubjectSources): Promise<ReportSubject> {
  const [office, communities] = await Promise.all([sources.office(), sources.communities()]);
  return { office: office.name, community: communities.length === 1 ? (communities[0]?.name ?? null) : null };
}

/**
 * The name a report's title and headline use: the community where there is one, else the
 * office; null when neither is known.
 *
 * @example
 * ```ts
 * subjectName({ office: '仓前街道', community: '梦创社区' }); // '梦创社区'
 * ```
 */
export function subjectName(subject: ReportSubject): string | null {
  return subject.community ?? subject.office;
}

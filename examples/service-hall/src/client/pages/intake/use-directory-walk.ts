/**
 * The enterprises the intake's picker can offer: a park's, or the whole office's, from the
 * directory walk shared with the enterprise search. Nothing loads until the picker is used, so
 * a form filled without an enterprise costs no directory pages.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { followDirectory, type Walk } from '../../directory/enterprise-directory.js';
import { useSession } from '../../session.js';

export interface PickerDirectory extends Walk {
  retry(): void;
}

export function useDirectoryWalk(parkId: string | null, active: boolean): PickerDirectory {
  const session = useSession();
  const owner = `${session.office.id}/${session.member.id}`;
  const [walk, setWalk] = useState<Walk>({ items: [], done: false, problem: null });
  const [round, setRound] = useState(0);
  useEffect(() => (active ? followDirectory(owner, parkId, setWalk) : undefined), [owner, parkId, active, round]);
  // A new request is not filed for an archived enterprise.
  const items = useMemo(() => walk.items.filter((e) => e.archivedAt === null), [walk.items]);
  return { ...walk, items, retry: () => setRound((n) => n + 1) };
}

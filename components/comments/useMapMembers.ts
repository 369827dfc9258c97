"use client";

import { useCallback, useState } from "react";
import type { MentionCandidate } from "@/lib/comments/mentions";

/** The map's members for @-mention autocomplete, fetched the first time a comment box is used. */
export function useMapMembers(mapId: string): { members: MentionCandidate[]; load(): void } {
  const [members, setMembers] = useState<MentionCandidate[] | null>(null);
  const load = useCallback(() => {
    if (members !== null) return;
    setMembers([]);
    fetch(`/api/maps/${mapId}/members`, { cache: "no-store" })
      .then((res) => (res.ok ? res.json() : []))
      .then((rows: { userId: string; name: string }[]) => setMembers(rows.map((r) => ({ userId: r.userId, name: r.name }))))
      .catch(() => setMembers(null));
  }, [mapId, members]);
  return { members: members ?? [], load };
}

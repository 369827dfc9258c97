"use client";

import { createContext, useContext } from "react";
import type { ThreadView } from "@/lib/db/comments";
import type { MentionCandidate } from "@/lib/comments/mentions";
import type { CitationSelector } from "@/lib/citations/textSelectors";

/** What the thread panel shows. */
export type PanelTarget =
  | { kind: "claim"; claimId: string }
  | { kind: "citation"; citationId: string }
  /** A passage: a new thread on the selection, plus the source's threads overlapping it. */
  | { kind: "passage"; sourceId: string; sourceVersion: number; selector: CitationSelector }
  | { kind: "thread"; threadId: string }
  | { kind: "threads"; title: string; threadIds: string[] }
  | { kind: "open" };

export interface CommentsContextValue {
  mapId: string;
  userId: string;
  canComment: boolean;
  /** The policy's comment.edit / comment.delete for a comment by `authorId`. */
  canEditComment(authorId: string | null): boolean;
  canDeleteComment(authorId: string | null): boolean;
  threads: ThreadView[];
  openByClaim: ReadonlyMap<string, number>;
  openByCitation: ReadonlyMap<string, number>;
  /** The other members, for @-mention autocomplete. */
  members: MentionCandidate[];
  /** Every member (the user too), for showing mentions as chips. */
  allMembers: MentionCandidate[];
  loadMembers(): void;
  upsert(thread: ThreadView): void;
  open(target: PanelTarget): void;
  /** A short human label of what a thread is about ("Claim: …", "Passage: “…”"). */
  describe(thread: ThreadView): string;
}

export const CommentsContext = createContext<CommentsContextValue | null>(null);

/** For views that may render outside a comments provider (they then show no comment UI). */
export function useOptionalComments(): CommentsContextValue | null {
  return useContext(CommentsContext);
}

export function useComments(): CommentsContextValue {
  const value = useContext(CommentsContext);
  if (!value) throw new Error("useComments outside CommentsProvider");
  return value;
}

"use client";

import type { ClaimKind } from "@/lib/argument/claimSchema";
import { FLAG_LABELS, type ClaimFlag } from "@/lib/argument/claimFlags";
import { useScores } from "./scoreContext";
import { RatingControl } from "./RatingControl";
import { StrengthBar } from "./StrengthBar";
import styles from "./scores.module.css";

export const FLAG_TOOLTIPS: Record<ClaimFlag, string> = {
  unsupported: "No evidence card backs this yet: cut one from a source.",
  contested: "A con directly under it is stronger than it is.",
  unanswered: "A con with nothing under it: nobody has prepared an answer.",
};

export function FlagChips({ flags }: { flags: readonly ClaimFlag[] }) {
  return (
    <>
      {flags.map((f) => (
        <span key={f} className={`${styles.flag} ${styles[f]}`} title={FLAG_TOOLTIPS[f]} data-testid={`flag-${f}`}>
          {FLAG_LABELS[f]}
        </span>
      ))}
    </>
  );
}

/** A claim's strength bar, flags and (for commenters and up) the impact rating control. */
export function ClaimScore({ claimId, kind }: { claimId: string; kind: ClaimKind }) {
  const scores = useScores();
  if (!scores || kind === "question") return null;
  const strength = scores.strengths.get(claimId) ?? 0;
  return (
    <div className={styles.score} data-testid="claim-score">
      <StrengthBar strength={strength} />
      <FlagChips flags={scores.flags.get(claimId) ?? []} />
      <RatingControl claimId={claimId} summary={scores.ratings.get(claimId)} canRate={scores.canRate} onRate={scores.rate} />
    </div>
  );
}

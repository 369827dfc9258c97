"use client";

import type { ClaimKind } from "@/lib/argument/claimSchema";
import { FLAG_LABELS } from "@/lib/argument/claimFlags";
import { useScores } from "./scoreContext";
import { STRENGTH_TOOLTIP } from "./StrengthBar";
import styles from "./scores.module.css";

/** A compact strength bar for a graph node's header (flags in its tooltip). */
export function NodeStrength({ claimId, kind }: { claimId: string; kind: ClaimKind }) {
  const scores = useScores();
  if (!scores || kind === "question") return null;
  const strength = scores.strengths.get(claimId) ?? 0;
  const pct = Math.round(strength * 100);
  const flags = (scores.flags.get(claimId) ?? []).map((f) => FLAG_LABELS[f]);
  return (
    <span className={styles.nodeStrength} title={`Strength ${pct}%${flags.length ? ` · ${flags.join(", ")}` : ""}. ${STRENGTH_TOOLTIP}`} data-testid="node-strength">
      <span className={styles.nodeTrack}>
        <span className={styles.fill} style={{ width: `${pct}%` }} />
      </span>
      {pct}%
    </span>
  );
}

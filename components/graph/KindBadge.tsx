import { CircleMinus, CirclePlus, CircleQuestionMark, Diamond } from "lucide-react";
import type { ClaimKind, Stance } from "@/lib/argument/claimSchema";
import styles from "./KindBadge.module.css";

/** A claim's kind as an inline SVG icon and a word (never colour alone), for the graph. */
export function KindBadge({ kind, stance }: { kind: ClaimKind; stance: Stance | null }) {
  if (kind === "question")
    return (
      <span className={`${styles.badge} ${styles.question}`} data-testid="kind-badge">
        <CircleQuestionMark aria-hidden="true" size={13} strokeWidth={2.5} /> Question
      </span>
    );
  if (kind === "position")
    return (
      <span className={`${styles.badge} ${styles.position}`} data-testid="kind-badge">
        <Diamond aria-hidden="true" size={12} strokeWidth={2.75} /> Position
      </span>
    );
  if (stance === "con")
    return (
      <span className={`${styles.badge} ${styles.con}`} data-testid="kind-badge">
        <CircleMinus aria-hidden="true" size={13} strokeWidth={2.5} /> Con
      </span>
    );
  return (
    <span className={`${styles.badge} ${styles.pro}`} data-testid="kind-badge">
      <CirclePlus aria-hidden="true" size={13} strokeWidth={2.5} /> Pro
    </span>
  );
}

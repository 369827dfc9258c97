import type { ClaimKind, Stance } from "@/lib/argument/claimSchema";
import styles from "./StanceBadge.module.css";

// Icon and word as well as colour, so stance reads without colour vision.
export function StanceBadge({ kind, stance }: { kind: ClaimKind; stance: Stance | null }) {
  if (kind === "question") return <span className={`${styles.badge} ${styles.question}`}>? Question</span>;
  if (kind === "position") return <span className={`${styles.badge} ${styles.position}`}>◆ Position</span>;
  if (stance === "con") return <span className={`${styles.badge} ${styles.con}`} aria-label="con">− Con</span>;
  return <span className={`${styles.badge} ${styles.pro}`} aria-label="pro">+ Pro</span>;
}

"use client";

import type * as Y from "yjs";
import type { PositionScore } from "@/lib/argument/claimStrength";
import type { DebateSides } from "@/lib/argument/debateSides";
import { claimBodyFragment, claimPlainText } from "@/lib/argument/claimBody";
import { HowStrengthWorks } from "./HowStrengthWorks";
import styles from "./scores.module.css";

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The two positions side by side (affirmative left), their balance, and the "Swap sides" control. */
export function PositionBalance({
  doc,
  balance,
  sides,
  canSwap,
  onSwap,
  error,
}: {
  doc: Y.Doc;
  balance: PositionScore[];
  sides: DebateSides;
  canSwap: boolean;
  onSwap(): void;
  error: string | null;
}) {
  const aff = balance.find((b) => b.positionId === sides.aff) ?? null;
  const neg = balance.find((b) => b.positionId === sides.neg) ?? null;
  const textOf = (id: string) => {
    const fragment = claimBodyFragment(doc, id);
    return (fragment ? claimPlainText(fragment) : "").trim() || "(untitled position)";
  };
  // Shares of just these two (a map may hold more positions).
  const total = (aff?.strength ?? 0) + (neg?.strength ?? 0);
  const affShare = total > 0 ? (aff?.strength ?? 0) / total : 0.5;
  return (
    <section className={styles.balancePanel} aria-label="Position balance" data-testid="position-balance">
      <div className={styles.balanceHead}>
        <span className={styles.balanceTitle}>Balance</span>
        {canSwap && neg && (
          <button type="button" className="button secondary" style={{ padding: "2px 10px", fontSize: "0.8rem" }} onClick={onSwap} data-testid="swap-sides" title="Make the negative position the affirmative one (and vice versa) for briefs and the flow">
            ⇄ Swap sides
          </button>
        )}
      </div>
      {aff && neg ? (
        <>
          <div className={styles.balanceBar} role="img" aria-label={`Affirmative ${pct(affShare)}, negative ${pct(1 - affShare)}`}>
            <span className={styles.affFill} style={{ width: pct(affShare) }} data-testid="balance-aff" data-share={affShare.toFixed(4)} />
            <span className={styles.negFill} style={{ width: pct(1 - affShare) }} />
          </div>
          <div className={styles.balanceLegend}>
            <span data-testid="balance-aff-label">
              <span className={`${styles.sideTag} ${styles.affTag}`}>Aff</span> {textOf(aff.positionId)} — {pct(affShare)} <span className="muted">(strength {pct(aff.strength)})</span>
            </span>
            <span data-testid="balance-neg-label">
              <span className={`${styles.sideTag} ${styles.negTag}`}>Neg</span> {textOf(neg.positionId)} — {pct(1 - affShare)} <span className="muted">(strength {pct(neg.strength)})</span>
            </span>
          </div>
        </>
      ) : (
        <p className="muted small" style={{ margin: 0 }}>Add two positions under the question to weigh them against each other.</p>
      )}
      {error && <p className={styles.error} role="alert">{error}</p>}
      <HowStrengthWorks />
    </section>
  );
}

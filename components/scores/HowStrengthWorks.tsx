import styles from "./scores.module.css";

/** The strength formula in words (the exact one is documented in lib/argument/claimStrength.ts). */
export function HowStrengthWorks() {
  return (
    <details className={styles.howTo} data-testid="how-strength">
      <summary>How strength is computed</summary>
      <ul>
        <li>
          Each member rates a claim’s <strong>impact</strong> on the claim it answers, 0–4 (0 no impact, 1 low, 2 medium, 3 high, 4 very high). A claim’s
          rating is the members’ mean; an unrated claim counts as 2.
        </li>
        <li>
          Strength = rating ÷ 4 × (1 + ½·Σ strengths of the pros under it − ½·Σ strengths of the cons under it), kept between 0% and 100%, and ×0.75 for a
          claim with no evidence card. So an unrated cited claim with nothing under it is 50%.
        </li>
        <li>A position’s strength comes from its own rating and its claims; the balance bar shows each position’s share of the two.</li>
        <li>
          Flags: <em>No evidence</em> (no card), <em>Contested</em> (a con under it is stronger than it), <em>Unanswered</em> (a con with nothing under it).
        </li>
      </ul>
    </details>
  );
}

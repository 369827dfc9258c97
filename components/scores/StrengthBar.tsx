import styles from "./scores.module.css";

export const STRENGTH_TOOLTIP = "Strength 0–100%: the members' mean impact rating, raised by strong pros under it, lowered by strong cons, ×0.75 without an evidence card.";

export function StrengthBar({ strength, label = "Strength" }: { strength: number; label?: string }) {
  const pct = Math.round(strength * 100);
  return (
    <span className={styles.strength} title={STRENGTH_TOOLTIP}>
      <span className={styles.track} role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-testid="strength-bar" data-strength={strength.toFixed(4)}>
        <span className={styles.fill} style={{ width: `${pct}%` }} />
      </span>
      <span className={styles.pct}>{pct}%</span>
    </span>
  );
}

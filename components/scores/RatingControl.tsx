"use client";

import type { RatingSummary } from "./useRatings";
import styles from "./scores.module.css";

export const RATING_LABELS = ["no impact", "low", "medium", "high", "very high"] as const;

export const RATING_TOOLTIP =
  "Rate this claim's impact on the claim it answers (Kialo-style): 0 no impact, 1 low, 2 medium, 3 high, 4 very high. Unrated claims count as 2. Click your rating again to clear it.";

/** Five buttons 0–4 showing my rating, then the members' mean and count. Viewers see only the mean. */
export function RatingControl({ claimId, summary, canRate, onRate }: { claimId: string; summary: RatingSummary | undefined; canRate: boolean; onRate(claimId: string, value: number | null): void }) {
  const mine = summary?.mine ?? null;
  const stats = summary ? `avg ${summary.mean.toFixed(1)} · ${summary.count} rating${summary.count === 1 ? "" : "s"}` : "unrated";
  return (
    <span className={styles.rating} title={RATING_TOOLTIP} data-testid="rating">
      {canRate && (
        <span className={styles.ratingButtons} role="group" aria-label="Your impact rating, 0 to 4">
          {RATING_LABELS.map((label, value) => (
            <button
              key={value}
              type="button"
              className={styles.ratingButton}
              aria-pressed={mine === value}
              aria-label={`Rate ${value}: ${label}`}
              title={`${value}: ${label}${mine === value ? " (yours; click to clear)" : ""}`}
              data-testid={`rate-${value}`}
              onClick={(event) => {
                event.stopPropagation();
                onRate(claimId, mine === value ? null : value);
              }}
            >
              {value}
            </button>
          ))}
        </span>
      )}
      <span className={styles.ratingStats} data-testid="rating-stats">{stats}</span>
    </span>
  );
}

"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import styles from "./MapOwnerTools.module.css";

/** The owner's map tools: which team the map belongs to, its activity, and deleting it. */
export function MapOwnerTools({ mapId, title, teamId, teams }: { mapId: string; title: string; teamId: string | null; teams: { id: string; name: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [current, setCurrent] = useState(teamId ?? "");

  async function move(next: string) {
    setError(null);
    const res = await fetch(`/api/maps/${mapId}/team`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ teamId: next || null }),
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) setError((data as { error?: string }).error ?? "Moving the map failed.");
    else {
      setCurrent(next);
      router.refresh();
    }
  }

  async function remove() {
    if (!window.confirm(`Delete “${title}” for everyone? This cannot be undone.`)) return;
    setError(null);
    const res = await fetch(`/api/maps/${mapId}`, { method: "DELETE" });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) setError((data as { error?: string }).error ?? "Deleting failed.");
    else {
      router.push("/maps");
      router.refresh();
    }
  }

  return (
    <section className={styles.tools} data-testid="map-owner-tools">
      <label className={styles.team}>
        Team
        <select value={current} onChange={(e) => void move(e.target.value)} aria-label="Team">
          <option value="">Personal (no team)</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>{t.name}</option>
          ))}
        </select>
      </label>
      <Link href={`/maps/${mapId}/activity`} data-testid="activity-link">Activity</Link>
      <button type="button" className={styles.danger} onClick={() => void remove()}>Delete map</button>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}

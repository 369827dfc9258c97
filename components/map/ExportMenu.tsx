"use client";
import styles from "./MapEditor.module.css";

const FORMATS = [
  ["argdown", "Argdown"],
  ["kialo", "Kialo text"],
  ["aif", "AIF JSON"],
  ["annotations", "Web Annotations (evidence cards)"],
  ["claimboard", "Claimboard JSON (everything)"],
] as const;

/** "Export…" in the map toolbar: one download link per format (the live map, as stored). */
export function ExportMenu({ mapId }: { mapId: string }) {
  return (
    <details className={styles.exportMenu} data-testid="export-menu">
      <summary className={styles.tool}>Export…</summary>
      <ul className={styles.exportList} aria-label="Export formats">
        {FORMATS.map(([format, label]) => (
          <li key={format}>
            <a href={`/api/maps/${encodeURIComponent(mapId)}/export?format=${format}`} download data-testid={`export-${format}`}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

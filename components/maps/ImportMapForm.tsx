"use client";
import { useEffect, useRef, useState } from "react";
import styles from "./NewMapForm.module.css";

interface ImportReport {
  claims: number;
  links: number;
  skipped: string[];
}

const FORMATS = [
  ["", "Detect from the file"],
  ["argdown", "Argdown (.argdown, .ad)"],
  ["kialo", "Kialo export (.txt)"],
  ["aif", "AIF JSON (AIFdb, OVA)"],
  ["claimboard", "Claimboard JSON"],
] as const;

/**
 * "Import map": a file and its format (detected when left alone); uploads with progress,
 * shows what the import made and skipped, then offers the new map.
 */
export function ImportMapForm() {
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<{ id: string; report: ImportReport } | null>(null);
  const openRef = useRef<HTMLAnchorElement>(null);

  // Focus the new map's link once it is rendered (after the commit, not on a frame callback,
  // which a throttled or background tab may run before it or not at all).
  useEffect(() => {
    if (result) openRef.current?.focus();
  }, [result]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError("Choose a file to import.");
      return;
    }
    if (!form.get("format")) form.delete("format");
    setError(null);
    setResult(null);
    setProgress(0);
    // XMLHttpRequest, because fetch reports no upload progress.
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/maps/import");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      setProgress(null);
      let data: { id?: string; report?: ImportReport; error?: string } = {};
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: fall through to the generic message
      }
      if (xhr.status !== 201 || !data.id || !data.report) {
        setError(data.error ?? `The import failed (${xhr.status}).`);
        return;
      }
      setResult({ id: data.id, report: data.report });
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("The upload failed; check the connection and try again.");
    };
    xhr.send(form);
  }

  return (
    <details className={styles.panel} data-testid="import-map">
      <summary className="button">Import map</summary>
      <form onSubmit={onSubmit} className={styles.form} noValidate>
        {error && <p role="alert" className="error">{error}</p>}
        <label className="field">
          File
          <input name="file" type="file" accept=".argdown,.ad,.txt,.json,.jsonld" required />
        </label>
        <label className="field">
          Format
          <select name="format" defaultValue="">
            {FORMATS.map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
        <button className="button" type="submit" disabled={progress !== null}>{progress !== null ? "Importing…" : "Import"}</button>
        {progress !== null && (
          <progress max={1} value={progress} aria-label="Upload progress" style={{ marginLeft: 10 }} />
        )}
        {result && (
          <div role="status" data-testid="import-report" style={{ marginTop: 10 }}>
            <p>
              Imported {result.report.claims} claim{result.report.claims === 1 ? "" : "s"} and {result.report.links} cross-link{result.report.links === 1 ? "" : "s"}.
            </p>
            {result.report.skipped.length > 0 && (
              <>
                <p className="muted small">Left out:</p>
                <ul className="muted small">
                  {result.report.skipped.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              </>
            )}
            <a ref={openRef} className="button" href={`/maps/${result.id}`}>Open the imported map</a>
          </div>
        )}
      </form>
    </details>
  );
}

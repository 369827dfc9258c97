"use client";

import { useRef, useState } from "react";
import styles from "./SourcesPanel.module.css";
import { uploadWithProgress } from "./uploadWithProgress";

const MAX_BYTES = 10 * 1024 * 1024;
const PREFILLED = [
  ["title", "title"],
  ["author", "author"],
  ["publisher", "publisher"],
  ["publishedAt", "date"],
  ["url", "URL"],
] as const;
const ACCEPT = ".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf";

/** Paste text or upload a file, with the cite metadata; calls `onAdded` with the new source's id. */
export function AddSourceForm({ mapId, onAdded }: { mapId: string; onAdded: (source: { id: string; title: string }) => void }) {
  const [mode, setMode] = useState<"paste" | "file">("file");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [filled, setFilled] = useState<string | null>(null);
  const lastFile = useRef<File | null>(null);

  // Pre-fill the cite from what the chosen file says (HTML head, PDF information, file name);
  // only empty fields, so nothing the user typed is overwritten.
  const readFileMetadata = async (file: File | undefined) => {
    setFilled(null);
    lastFile.current = file ?? null;
    if (!file || file.size === 0 || file.size > MAX_BYTES) return;
    const body = new FormData();
    body.set("file", file);
    try {
      const res = await fetch(`/api/maps/${mapId}/sources/metadata`, { method: "POST", body });
      if (!res.ok || lastFile.current !== file) return;
      const { metadata } = (await res.json()) as { metadata: Record<(typeof PREFILLED)[number][0], string | null> };
      const form = formRef.current;
      if (!form) return;
      const names: string[] = [];
      for (const [field, label] of PREFILLED) {
        const input = form.elements.namedItem(field);
        const value = metadata[field];
        if (input instanceof HTMLInputElement && !input.value && value) {
          input.value = value;
          names.push(label);
        }
      }
      setFilled(names.length ? `Filled in from the file: ${names.join(", ")}. Check them before adding.` : "The file names no author, publisher or date: add what you know.");
    } catch {
      // Pre-filling is a convenience: the form works without it.
    }
  };

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    if (mode === "file") {
      form.delete("text");
      const file = form.get("file");
      if (!(file instanceof File) || !file.name) return setError("Choose a file to upload.");
      if (file.size > MAX_BYTES) return setError(`The file is too large (${(file.size / 1024 / 1024).toFixed(1)} MB); the limit is 10 MB.`);
      if (file.size === 0) return setError(`The file “${file.name}” is empty.`);
    } else {
      form.delete("file");
      if (!String(form.get("text") ?? "").trim()) return setError("Paste the source text.");
    }
    setProgress(0);
    try {
      const { status, json } = await uploadWithProgress(`/api/maps/${mapId}/sources`, form, setProgress);
      if (status !== 201) {
        setError(typeof json.error === "string" ? json.error : `The server answered ${status}.`);
        return;
      }
      formRef.current?.reset();
      setFilled(null);
      onAdded({ id: String(json.id), title: String(json.title) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} data-testid="add-source-form">
      <div className={styles.row}>
        <label className={styles.field}>
          Title *
          <input name="title" required maxLength={300} />
        </label>
        <label className={styles.field}>
          Author(s)
          <input name="author" maxLength={300} />
        </label>
        <label className={styles.field}>
          Author qualifications
          <input name="authorQualifications" maxLength={500} placeholder="e.g. Professor of Political Science, UNAM" />
        </label>
      </div>
      <div className={styles.row}>
        <label className={styles.field}>
          Publisher
          <input name="publisher" maxLength={300} />
        </label>
        <label className={styles.field}>
          Published
          <input name="publishedAt" type="date" />
        </label>
        <label className={styles.field}>
          URL
          <input name="url" type="url" placeholder="https://…" />
        </label>
        <label className={styles.field}>
          Accessed
          <input name="accessedAt" type="date" />
        </label>
      </div>
      <div className={styles.tabs} role="radiogroup" aria-label="Source text">
        <label>
          <input type="radio" checked={mode === "file"} onChange={() => setMode("file")} /> Upload a file
        </label>
        <label>
          <input type="radio" checked={mode === "paste"} onChange={() => setMode("paste")} /> Paste text
        </label>
      </div>
      {mode === "file" ? (
        <label className={styles.field}>
          File (.txt, .md, .html, .pdf — up to 10 MB)
          <input name="file" type="file" accept={ACCEPT} onChange={(e) => void readFileMetadata(e.currentTarget.files?.[0])} />
        </label>
      ) : (
        <label className={styles.field}>
          Text
          <textarea name="text" rows={6} placeholder="One paragraph per line" />
        </label>
      )}
      {filled && mode === "file" && (
        <p className="muted small" role="status" data-testid="prefilled-cite">
          {filled}
        </p>
      )}
      {progress !== null && (
        <div className={styles.progress} data-testid="upload-progress">
          <progress max={1} value={progress} aria-label="Upload progress" /> {Math.round(progress * 100)}%{progress >= 1 ? " — extracting text…" : ""}
        </div>
      )}
      {error && (
        <p className="error" role="alert" data-testid="add-source-error">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="button" disabled={progress !== null}>
          Add source
        </button>
      </div>
    </form>
  );
}

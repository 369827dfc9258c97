"use client";

import { useRef, useState } from "react";
import { fileNameFromDisposition } from "@/lib/interchange/fileNameFromDisposition";

type Progress =
  | { phase: "idle" }
  | { phase: "preparing" }
  | { phase: "downloading"; received: number; total: number | null }
  | { phase: "done"; fileName: string }
  | { phase: "error"; message: string };

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
}

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return body?.error ?? `The server answered ${response.status} ${response.statusText}.`;
}

/**
 * Downloads an export through fetch so the page can say what is happening: "Preparing…"
 * while the server assembles the brief, then bytes received of Content-Length, then saves the
 * file. The body is read in chunks (the page stays responsive) and failures say why.
 */
export function BriefExportButton({ href, label, fallbackName, testId }: { href: string; label: string; fallbackName: string; testId: string }) {
  const [progress, setProgress] = useState<Progress>({ phase: "idle" });
  const busy = progress.phase === "preparing" || progress.phase === "downloading";
  const abort = useRef<AbortController | null>(null);

  const run = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ phase: "preparing" });
    try {
      const response = await fetch(href, { cache: "no-store", signal: controller.signal });
      if (!response.ok) throw new Error(await errorOf(response));
      // Next drops a route handler's Content-Length; the brief route repeats it as X-Content-Length.
      const length = Number(response.headers.get("content-length") ?? response.headers.get("x-content-length"));
      const total = Number.isFinite(length) && length > 0 ? length : null;
      const chunks: Uint8Array[] = [];
      let received = 0;
      setProgress({ phase: "downloading", received, total });
      const reader = response.body?.getReader();
      if (reader) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          received += value.byteLength;
          setProgress({ phase: "downloading", received, total });
        }
      } else {
        chunks.push(new Uint8Array(await response.arrayBuffer()));
      }
      if (total !== null && received !== total) throw new Error(`The download stopped at ${kb(received)} of ${kb(total)}.`);
      const fileName = fileNameFromDisposition(response.headers.get("content-disposition")) ?? fallbackName;
      const blob = new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? "application/octet-stream" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setProgress({ phase: "done", fileName });
    } catch (error) {
      if (controller.signal.aborted) return;
      const message = error instanceof TypeError ? "The server could not be reached." : (error as Error).message;
      setProgress({ phase: "error", message: `Export failed: ${message}` });
    }
  };

  let status = "";
  if (progress.phase === "preparing") status = "Preparing…";
  else if (progress.phase === "downloading")
    status = progress.total ? `${kb(progress.received)} of ${kb(progress.total)} (${Math.floor((progress.received / progress.total) * 100)}%)` : `${kb(progress.received)} received`;
  else if (progress.phase === "done") status = "Saved ✓";

  return (
    // The status sits under the button without widening it (the toolbar stays one row).
    <span style={{ position: "relative", display: "inline-block" }}>
      {/* A real link (works without JavaScript); with it, the click downloads through fetch. */}
      <a
        className="button secondary"
        href={href}
        download
        onClick={(event) => {
          event.preventDefault();
          if (!busy) void run();
        }}
        aria-disabled={busy || undefined}
        style={busy ? { opacity: 0.6, cursor: "wait" } : undefined}
        data-testid={testId}
        aria-describedby={`${testId}-status`}
      >
        {label}
      </a>
      <span
        id={`${testId}-status`}
        className="small muted"
        role="status"
        data-testid={`${testId}-status`}
        title={progress.phase === "done" ? progress.fileName : undefined}
        style={{ position: "absolute", top: "100%", left: 0, whiteSpace: "nowrap", fontSize: "0.75rem" }}
      >
        {progress.phase === "downloading" && progress.total ? <progress max={progress.total} value={progress.received} style={{ width: 90, height: 8, marginRight: 4 }} /> : null}
        {status}
      </span>
      {progress.phase === "error" && (
        <span role="alert" className="error" style={{ position: "absolute", top: "calc(100% + 2px)", right: 0, width: 300, margin: 0, fontSize: "0.8rem", zIndex: 5 }} data-testid={`${testId}-error`}>
          {progress.message}
        </span>
      )}
    </span>
  );
}

import fs from "node:fs";
import http from "node:http";

/** The resident memory of a process in MB, from /proc/<pid>/status (Linux). */
export function residentMb(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  if (!line) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(line[1]) / 1024;
}

/**
 * Polls `/api/health` back to back (100 ms apart) until stopped, and the server's resident
 * memory every 50 ms: `stop()` gives the slowest health answer seen (a request still pending
 * at the stop counts with its time so far) and the memory peak.
 */
export function watchServer(url: string, pid: number) {
  let running = true;
  let slowestMs = 0;
  let pendingSince: number | null = null;
  let peakMb = residentMb(pid);
  const memory = setInterval(() => {
    try {
      peakMb = Math.max(peakMb, residentMb(pid));
    } catch {
      /* the process is gone: the test reports that */
    }
  }, 50);
  const polling = (async () => {
    while (running) {
      pendingSince = Date.now();
      try {
        await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(120_000) });
      } catch {
        /* counted as slow by its time */
      }
      slowestMs = Math.max(slowestMs, Date.now() - pendingSince);
      pendingSince = null;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop(): Promise<{ slowestHealthMs: number; peakMb: number }> {
      running = false;
      clearInterval(memory);
      const pending = pendingSince;
      // A health request stuck behind a blocked loop is judged by its wait so far (≤ 2 s more).
      await Promise.race([polling, new Promise((r) => setTimeout(r, 2000))]);
      if (pending !== null && pendingSince !== null) slowestMs = Math.max(slowestMs, Date.now() - pending);
      return { slowestHealthMs: slowestMs, peakMb };
    },
  };
}

/**
 * Sends `totalBytes` of body (`head`, then `fill` repeated, then `tail`) in chunks, streamed
 * with back-pressure, never held whole in this process; chunked unless `contentLength` is given.
 * Resolves with the reply as soon as it arrives (the rest of the upload is dropped then).
 */
export function streamRequest(
  url: string,
  opts: { method: string; path: string; headers?: Record<string, string>; totalBytes: number; head?: string; tail?: string; contentLength?: number },
): Promise<{ status: number; body: string; sentBytes: number }> {
  const target = new URL(opts.path, url);
  const head = Buffer.from(opts.head ?? "");
  const tail = Buffer.from(opts.tail ?? "");
  const chunk = Buffer.alloc(64 * 1024, "a");
  return new Promise((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.contentLength !== undefined) headers["content-length"] = String(opts.contentLength);
    else headers["transfer-encoding"] = "chunked";
    const req = http.request({ hostname: target.hostname, port: target.port, path: target.pathname, method: opts.method, headers });
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, sentBytes: sent });
        req.destroy();
      });
      res.on("error", () => resolve({ status: res.statusCode ?? 0, body, sentBytes: sent }));
    });
    req.on("error", (error) => {
      if (!answered) reject(new Error(`request failed after ${sent} bytes: ${error.message}`));
    });
    const write = async () => {
      const fillBytes = opts.totalBytes - head.length - tail.length;
      if (head.length) req.write(head);
      sent += head.length;
      let filled = 0;
      while (filled < fillBytes && !answered && !req.destroyed) {
        const piece = fillBytes - filled >= chunk.length ? chunk : chunk.subarray(0, fillBytes - filled);
        filled += piece.length;
        sent += piece.length;
        if (!req.write(piece)) await new Promise<void>((r) => { req.once("drain", r); req.once("close", r); });
      }
      if (!answered && !req.destroyed) req.end(tail);
    };
    write().catch(() => {});
  });
}

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { poolErrorLogger } from "../../../lib/db/poolErrorLog";

describe("poolErrorLogger", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("logs the first failure at once and folds the rest of the burst into one line", () => {
    const lines: string[] = [];
    const onError = poolErrorLogger((line) => lines.push(line), 30_000);
    onError(new Error("Connection terminated unexpectedly"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/idle PostgreSQL connection failed \(Connection terminated unexpectedly\)/);
    for (let i = 0; i < 9; i++) onError(new Error("Connection terminated unexpectedly"));
    expect(lines).toHaveLength(1);
    vi.advanceTimersByTime(30_000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^database: 9 more idle PostgreSQL connection\(s\) failed in the last 30 s$/);
  });

  it("logs a later outage as a new first line, and no summary when nothing was folded", () => {
    const lines: string[] = [];
    const onError = poolErrorLogger((line) => lines.push(line), 30_000);
    onError(new Error("first outage"));
    vi.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(1);
    onError(new Error("second outage"));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/second outage/);
  });
});

"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { HighlightedText } from "./HighlightedText";
import { searchHitHref } from "./searchHitLink";
import { groupHits, KIND_LABELS, type SearchHitView } from "./searchTypes";
import styles from "./SearchBox.module.css";

const DEBOUNCE_MS = 150;
const MAX_QUERY = 200;

type State = { status: "idle" } | { status: "loading" } | { status: "done"; hits: SearchHitView[] } | { status: "error"; message: string };

/**
 * The header's search field (Ctrl/⌘+K focuses it) over every map I read: an ARIA combobox
 * whose listbox groups the hits by kind. Arrow keys move, Enter opens, Escape closes.
 */
export function SearchBox() {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const [query, setQuery] = useState("");
  const [state, setState] = useState<State>({ status: "idle" });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setState({ status: "idle" });
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setState({ status: "loading" });
      fetch(`/api/search?q=${encodeURIComponent(q)}`, { cache: "no-store", signal: abort.signal })
        .then(async (res) => {
          const body = (await res.json().catch(() => ({}))) as { results?: SearchHitView[]; error?: string };
          if (!res.ok || !body.results) setState({ status: "error", message: body.error ?? `Search failed (${res.status}).` });
          else {
            setState({ status: "done", hits: body.results });
            setActive(0);
          }
        })
        .catch((error: unknown) => {
          if ((error as Error).name !== "AbortError") setState({ status: "error", message: "Search failed: no connection." });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  const groups = useMemo(() => (state.status === "done" ? groupHits(state.hits) : []), [state]);
  const flat = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const optionId = (i: number) => `${listId}-option-${i}`;
  const showList = open && query.trim() !== "" && state.status !== "idle";

  const go = (hit: SearchHitView) => {
    setOpen(false);
    inputRef.current?.blur();
    router.push(searchHitHref(hit));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (flat.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + flat.length) % flat.length);
    } else if (event.key === "Enter") {
      const hit = flat[active];
      if (showList && hit) {
        event.preventDefault();
        go(hit);
      }
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (open && query) setOpen(false);
      else {
        setQuery("");
        inputRef.current?.blur();
      }
    }
  };

  let index = -1;
  return (
    <div className={styles.wrap} ref={wrapRef}>
      <input
        ref={inputRef}
        type="search"
        className={styles.input}
        role="combobox"
        aria-label="Search all my maps"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && flat[active] ? optionId(active) : undefined}
        placeholder="Search maps, claims, cards… (Ctrl+K)"
        maxLength={MAX_QUERY}
        value={query}
        data-testid="search-input"
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label="Search results" className={styles.popup} hidden={!showList} data-testid="search-results">
        {state.status === "loading" && flat.length === 0 && <p className={styles.note}>Searching…</p>}
        {state.status === "error" && <p className={styles.note} role="alert">{state.message}</p>}
        {state.status === "done" && flat.length === 0 && <p className={styles.note}>Nothing found in your maps.</p>}
        {groups.map((group) => (
          <div key={group.kind} role="group" aria-labelledby={`${listId}-${group.kind}`} className={styles.group}>
            <div id={`${listId}-${group.kind}`} role="presentation" className={styles.groupLabel}>{KIND_LABELS[group.kind]}</div>
            {group.hits.map((hit) => {
              const i = ++index;
              const selected = i === active;
              const body = <HighlightedText text={hit.snippet} ranges={hit.highlights} />;
              return (
                <div
                  key={`${hit.kind}-${hit.mapId}-${hit.claimId ?? ""}-${hit.sourceId ?? ""}-${i}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={selected}
                  className={`${styles.option} ${selected ? styles.active : ""}`}
                  data-testid="search-option"
                  data-kind={hit.kind}
                  onMouseEnter={() => setActive(i)}
                  // mousedown, not click: the input's blur would otherwise close the list first.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    go(hit);
                  }}
                >
                  {hit.kind === "claim" ? (
                    <span className={styles.title}>{body}</span>
                  ) : (
                    <>
                      <span className={styles.title}>{hit.title}</span>
                      <span className={styles.snippet}>{body}</span>
                    </>
                  )}
                  <span className={styles.path}>{[hit.mapTitle, ...hit.path].join(" › ")}</span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}

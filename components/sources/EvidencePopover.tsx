"use client";

import { useMemo, useState } from "react";
import type * as Y from "yjs";
import type { CitationData, ClaimKind, Stance } from "@/lib/argument/claimSchema";
import { addCitationHighlight, addEvidenceFromSelection } from "@/lib/sources/evidenceFromSelection";
import { defaultClaimText, rangeInsideCitation, type PlainRange } from "@/lib/sources/selectionRange";
import styles from "./EvidencePopover.module.css";
import { describeRange } from "@/lib/citations/textSelectors";
import { useOptionalComments } from "@/components/comments/commentsContext";

export interface ClaimChoice {
  id: string;
  kind: ClaimKind;
  stance: Stance | null;
  depth: number;
  text: string;
}

interface Props {
  top: number;
  left: number;
  quote: string;
  range: PlainRange;
  text: string;
  sourceId: string;
  version: number;
  doc: Y.Doc;
  origin: unknown;
  userId: string;
  readOnly: boolean;
  citations: CitationData[];
  claimChoices: () => ClaimChoice[];
  onClose: () => void;
  onDone: (message: string, tone: "ok" | "error") => void;
}

const READ_ONLY_HINT = "View only — editors can add evidence.";

/** What to do with a selected passage: make it evidence, highlight inside a card, or comment on it. */
export function EvidencePopover(props: Props) {
  const { top, left, quote, range, readOnly, citations } = props;
  const [mode, setMode] = useState<"menu" | "evidence">("menu");
  const inside = useMemo(() => rangeInsideCitation(citations, range), [citations, range]);
  const comments = useOptionalComments();

  const highlight = () => {
    if (!inside) return;
    try {
      addCitationHighlight(props.doc, inside.citation.id, inside.relative, props.origin);
      props.onDone("Highlighted in the evidence card.", "ok");
    } catch (error) {
      props.onDone(`Can’t highlight: ${error instanceof Error ? error.message : String(error)}`, "error");
    }
  };

  return (
    <div
      className={styles.popover}
      style={{ top, left }}
      role="dialog"
      aria-label="Selected passage"
      data-testid="selection-popover"
      data-start={range.start}
      data-end={range.end}
      onMouseUp={(e) => e.stopPropagation()}
    >
      <div className={styles.head}>
        <span className={styles.quote} title={quote}>
          “{quote.length > 80 ? quote.slice(0, 79) + "…" : quote}”
        </span>
        <button type="button" className={styles.close} onClick={props.onClose} aria-label="Close">
          ×
        </button>
      </div>
      {mode === "menu" ? (
        <div className={styles.menu}>
          <button type="button" className="button" disabled={readOnly} title={readOnly ? READ_ONLY_HINT : undefined} onClick={() => setMode("evidence")} data-testid="use-as-evidence">
            Use as evidence for…
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={readOnly || !inside}
            title={readOnly ? READ_ONLY_HINT : inside ? "Emphasise these words in the card’s quote" : "Select words inside an existing evidence passage to highlight them"}
            onClick={highlight}
            data-testid="highlight-selection"
          >
            Highlight
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={!comments?.canComment}
            title={comments?.canComment ? "Start a comment thread on this passage" : "Viewers can read comments but not write them."}
            onClick={() => {
              comments?.open({ kind: "passage", sourceId: props.sourceId, sourceVersion: props.version, selector: describeRange(props.text, range.start, range.end) });
              props.onClose();
            }}
            data-testid="comment-selection"
          >
            Comment
          </button>
          {!readOnly && !inside && <p className={styles.hint}>Highlight works on words inside an existing evidence passage.</p>}
          {readOnly && <p className={styles.hint}>{READ_ONLY_HINT}</p>}
        </div>
      ) : (
        <EvidenceForm {...props} />
      )}
    </div>
  );
}

function EvidenceForm(props: Props) {
  const choices = useMemo(() => props.claimChoices(), [props]);
  const [target, setTarget] = useState<"existing" | "new">("new");
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<string | null>(null);
  const firstPosition = choices.find((c) => c.kind === "position")?.id ?? choices[0]?.id ?? "";
  const [parentId, setParentId] = useState(firstPosition);
  const [stance, setStance] = useState<Stance>("pro");
  const [claimText, setClaimText] = useState(() => defaultClaimText(props.quote));
  const [tag, setTag] = useState("");
  const [error, setError] = useState<string | null>(null);

  const matches = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    return choices.filter((c) => words.every((w) => c.text.toLowerCase().includes(w))).slice(0, 8);
  }, [choices, search]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (target === "existing" && !picked) return setError("Pick a claim from the list.");
    if (target === "new" && !claimText.trim()) return setError("Write the new claim’s text.");
    if (target === "new" && !parentId) return setError("Choose where the new claim goes.");
    try {
      const result = addEvidenceFromSelection(
        props.doc,
        {
          text: props.text,
          range: props.range,
          sourceId: props.sourceId,
          sourceVersion: props.version,
          target: target === "existing" ? { kind: "existing", claimId: picked! } : { kind: "new", parentId, stance, text: claimText.trim() },
          tag,
          authorId: props.userId,
        },
        props.origin,
      );
      const label = target === "existing" ? choices.find((c) => c.id === picked)?.text ?? "" : claimText.trim();
      props.onDone(`Evidence card added to “${label.length > 60 ? label.slice(0, 59) + "…" : label}”.`, "ok");
      void result;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} data-testid="evidence-form">
      <div className={styles.tabs} role="radiogroup" aria-label="Evidence for">
        <label>
          <input type="radio" name="target" checked={target === "new"} onChange={() => setTarget("new")} /> A new claim
        </label>
        <label>
          <input type="radio" name="target" checked={target === "existing"} onChange={() => setTarget("existing")} /> An existing claim
        </label>
      </div>
      {target === "existing" ? (
        <>
          <label className={styles.field}>
            Find a claim
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Words of the claim" autoFocus />
          </label>
          <ul className={styles.choices} role="listbox" aria-label="Claims">
            {matches.length === 0 && <li className={styles.hint}>No claim matches.</li>}
            {matches.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  role="option"
                  aria-selected={picked === c.id}
                  className={`${styles.choice} ${picked === c.id ? styles.picked : ""}`}
                  onClick={() => setPicked(c.id)}
                  data-testid="evidence-claim-option"
                  data-option-claim-id={c.id}
                >
                  <span className={c.stance === "con" ? styles.con : c.stance === "pro" ? styles.pro : styles.pos}>{c.stance ?? "position"}</span> {c.text}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <label className={styles.field}>
            Under
            <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {"\u00a0\u00a0".repeat(Math.max(0, c.depth - 1))}
                  {c.kind === "position" ? "Position: " : c.stance === "con" ? "Con: " : "Pro: "}
                  {c.text.length > 70 ? c.text.slice(0, 69) + "…" : c.text}
                </option>
              ))}
            </select>
          </label>
          <div className={styles.tabs} role="radiogroup" aria-label="Stance">
            <label>
              <input type="radio" name="stance" checked={stance === "pro"} onChange={() => setStance("pro")} /> Pro
            </label>
            <label>
              <input type="radio" name="stance" checked={stance === "con"} onChange={() => setStance("con")} /> Con
            </label>
          </div>
          <label className={styles.field}>
            Claim text
            <textarea rows={3} value={claimText} onChange={(e) => setClaimText(e.target.value)} />
          </label>
        </>
      )}
      <label className={styles.field}>
        Tag
        <input value={tag} onChange={(e) => setTag(e.target.value)} placeholder="The card’s headline (optional)" maxLength={300} />
      </label>
      {error && <p className="error">{error}</p>}
      <div className={styles.actions}>
        <button type="submit" className="button" data-testid="add-evidence">
          Add evidence
        </button>
        <button type="button" className="button secondary" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

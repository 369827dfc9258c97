"use client";

import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { COMMENT_MAX_LENGTH } from "@/lib/comments/commentBody";
import { mentionQueryAt, type MentionCandidate } from "@/lib/comments/mentions";
import styles from "./Comments.module.css";

interface Props {
  members: MentionCandidate[];
  onFocus(): void;
  /** Resolves when sent; a thrown error's message is shown under the box. */
  onSubmit(body: string, mentions: string[]): Promise<void>;
  initial?: string;
  submitLabel: string;
  placeholder: string;
  onCancel?(): void;
  autoFocus?: boolean;
  testId?: string;
}

/** A plain-text comment box with @-mention autocomplete of the map's members. */
export function CommentBox({ members, onFocus, onSubmit, initial = "", submitLabel, placeholder, onCancel, autoFocus, testId }: Props) {
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(0);
  const [picked, setPicked] = useState<MentionCandidate[]>([]);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);

  const query = mentionQueryAt(text, caret);
  const suggestions =
    query && dismissedAt !== query.start
      ? members.filter((m) => m.name.toLowerCase().startsWith(query.query.toLowerCase()) || m.name.toLowerCase().includes(" " + query.query.toLowerCase())).slice(0, 6)
      : [];

  const choose = (member: MentionCandidate) => {
    if (!query) return;
    const before = text.slice(0, query.start);
    const after = text.slice(caret);
    const inserted = `@${member.name} `;
    const next = before + inserted + after;
    setText(next);
    setPicked((prev) => (prev.some((p) => p.userId === member.userId) ? prev : [...prev, member]));
    const at = before.length + inserted.length;
    setCaret(at);
    pendingCaret.current = at;
  };

  // Puts the caret after an inserted mention in the same commit, before the next keystroke.
  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at === null || !ref.current) return;
    pendingCaret.current = null;
    ref.current.focus();
    ref.current.setSelectionRange(at, at);
  }, [text]);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      // A picked member whose @Name was edited away is no longer mentioned.
      const mentions = picked.filter((m) => text.toLowerCase().includes("@" + m.name.toLowerCase())).map((m) => m.userId);
      await onSubmit(text, mentions);
      setText("");
      setPicked([]);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive((i) => (i + (event.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        choose(suggestions[Math.min(active, suggestions.length - 1)]);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setDismissedAt(query!.start);
        return;
      }
    }
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === "Escape" && onCancel) onCancel();
  };

  return (
    <div className={styles.box}>
      <textarea
        ref={ref}
        value={text}
        maxLength={COMMENT_MAX_LENGTH}
        rows={3}
        placeholder={placeholder}
        aria-label={placeholder}
        autoFocus={autoFocus}
        data-testid={testId ?? "comment-input"}
        onFocus={onFocus}
        onChange={(e) => {
          setText(e.target.value);
          setCaret(e.target.selectionStart);
          setActive(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {suggestions.length > 0 && (
        <ul className={styles.suggestions} role="listbox" aria-label="Mention a member" data-testid="mention-suggestions">
          {suggestions.map((m, i) => (
            <li
              key={m.userId}
              role="option"
              aria-selected={i === active}
              className={i === active ? styles.activeSuggestion : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
            >
              @{m.name}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className={styles.boxError} role="alert">
          {error}
        </p>
      )}
      <div className={styles.boxActions}>
        <span className={styles.hint}>@ to mention · Ctrl/⌘+Enter to send</span>
        {onCancel && (
          <button type="button" className={styles.linkButton} onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="button" className={styles.send} disabled={busy || text.trim() === ""} onClick={() => void submit()} data-testid="comment-submit">
          {submitLabel}
        </button>
      </div>
    </div>
  );
}

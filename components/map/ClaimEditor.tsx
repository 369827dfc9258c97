"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { EditorContent, Extension, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import type * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import type { PresenceUser } from "@/lib/collab/mapConnection";
import styles from "./ClaimEditor.module.css";

/** Structural commands the editor's shortcuts trigger on the claim it edits. */
export interface ClaimEditorCommands {
  exit(): void;
  addSibling(): void;
  indent(): void;
  outdent(): void;
  addChild(stance: "pro" | "con"): void;
  toggleStance(): void;
  reorder(delta: -1 | 1): void;
}

interface Props {
  claimId: string;
  fragment: Y.XmlFragment;
  awareness: Awareness;
  user: PresenceUser;
  commands: ClaimEditorCommands;
  /** Receives the live editor (null on unmount) so the toolbar's undo can reach its history. */
  onEditor?(editor: Editor | null): void;
  label: string;
}

// Two keymaps: the claim commands take precedence over StarterKit's own bindings of the same
// keys (Mod-Enter is a hard break, Mod-Shift-s strike-through), while Tab / Shift-Tab run
// after the list keymap, so Tab inside a bullet list still nests the list item.
function claimShortcuts(commands: { current: ClaimEditorCommands }) {
  const run = (fn: () => void) => () => {
    fn();
    return true;
  };
  return [
    Extension.create({
      name: "claimShortcuts",
      priority: 1100,
      addKeyboardShortcuts() {
        return {
          Escape: run(() => commands.current.exit()),
          "Mod-Enter": run(() => commands.current.addSibling()),
          "Alt-p": run(() => commands.current.addChild("pro")),
          "Alt-c": run(() => commands.current.addChild("con")),
          "Mod-Shift-s": run(() => commands.current.toggleStance()),
          "Alt-ArrowUp": run(() => commands.current.reorder(-1)),
          "Alt-ArrowDown": run(() => commands.current.reorder(1)),
        };
      },
    }),
    Extension.create({
      name: "claimIndentShortcuts",
      priority: 50,
      addKeyboardShortcuts() {
        return {
          Tab: run(() => commands.current.indent()),
          "Shift-Tab": run(() => commands.current.outdent()),
        };
      },
    }),
  ];
}

/**
 * The one live TipTap editor a user has open: bound to the claim's Yjs fragment
 * (Collaboration) and showing other people's carets (CollaborationCaret). Text undo inside
 * the editor is the Collaboration extension's own, scoped to this fragment and this user.
 */
export function ClaimEditor({ claimId, fragment, awareness, user, commands, onEditor, label }: Props) {
  const commandsRef = useRef(commands);
  commandsRef.current = commands;
  const editor = useEditor(
    {
      immediatelyRender: false,
      autofocus: "end",
      extensions: [
        StarterKit.configure({
          undoRedo: false,
          heading: false,
          codeBlock: false,
          horizontalRule: false,
          blockquote: false,
          link: { openOnClick: false, autolink: true, defaultProtocol: "https" },
        }),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({ provider: { awareness }, user }),
        ...claimShortcuts(commandsRef),
      ],
      editorProps: {
        attributes: {
          "aria-label": label,
          "aria-multiline": "true",
          role: "textbox",
          "data-testid": "claim-editor",
          "data-claim-id": claimId,
          class: styles.prose,
        },
      },
    },
    [fragment, awareness],
  );

  // Take the focus at once (autofocus waits a frame): keys typed right after "+ Pro" or
  // Alt+P must land in the new claim, not on the row that had the focus.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.focus();
  }, [editor]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  return (
    <div className={styles.editor}>
      {editor && <EditorToolbar editor={editor} onDone={() => commandsRef.current.exit()} />}
      <EditorContent editor={editor} className={styles.content} />
      <p className={styles.hint}>
        <kbd>Esc</kbd> done · <kbd>Ctrl/⌘</kbd>+<kbd>Enter</kbd> new sibling · <kbd>Tab</kbd>/<kbd>Shift</kbd>+<kbd>Tab</kbd> indent/outdent
      </p>
    </div>
  );
}

function EditorToolbar({ editor, onDone }: { editor: Editor; onDone(): void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bulletList: e.isActive("bulletList"),
      link: e.isActive("link"),
      href: (e.getAttributes("link").href as string | undefined) ?? "",
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (linkOpen) inputRef.current?.focus();
  }, [linkOpen]);

  const applyLink = (event: FormEvent) => {
    event.preventDefault();
    const url = href.trim();
    const chain = editor.chain().focus();
    if (url === "") chain.extendMarkRange("link").unsetLink().run();
    else if (editor.state.selection.empty && !editor.isActive("link")) {
      chain.insertContent({ type: "text", text: url, marks: [{ type: "link", attrs: { href: url } }] }).run();
    } else chain.extendMarkRange("link").setLink({ href: url }).run();
    setLinkOpen(false);
  };

  // mousedown would take the focus (and the selection) away from the editor.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Formatting">
      <button type="button" onMouseDown={keep} className={styles.tool} aria-pressed={state.bold} title="Bold (Ctrl/⌘+B)" onClick={() => editor.chain().focus().toggleBold().run()}>
        <strong>B</strong>
      </button>
      <button type="button" onMouseDown={keep} className={styles.tool} aria-pressed={state.italic} title="Italic (Ctrl/⌘+I)" onClick={() => editor.chain().focus().toggleItalic().run()}>
        <em>I</em>
      </button>
      <button type="button" onMouseDown={keep} className={styles.tool} aria-pressed={state.bulletList} title="Bullet list" aria-label="Bullet list" onClick={() => editor.chain().focus().toggleBulletList().run()}>
        • List
      </button>
      <button
        type="button"
        onMouseDown={keep}
        className={styles.tool}
        aria-pressed={state.link}
        aria-expanded={linkOpen}
        title="Link"
        onClick={() => {
          setHref(state.href);
          setLinkOpen((open) => !open);
        }}
      >
        Link
      </button>
      {linkOpen && (
        <form className={styles.linkForm} onSubmit={applyLink}>
          <input
            ref={inputRef}
            type="url"
            inputMode="url"
            placeholder="https://…"
            aria-label="Link address"
            value={href}
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.preventDefault();
                e.stopPropagation();
                setLinkOpen(false);
                editor.commands.focus();
              }
            }}
          />
          <button type="submit" className={styles.tool}>
            Apply
          </button>
          {state.link && (
            <button
              type="button"
              className={styles.tool}
              onClick={() => {
                editor.chain().focus().extendMarkRange("link").unsetLink().run();
                setLinkOpen(false);
              }}
            >
              Remove
            </button>
          )}
        </form>
      )}
      <span className={styles.spacer} />
      <button type="button" onMouseDown={keep} className={styles.done} onClick={onDone}>
        Done
      </button>
    </div>
  );
}

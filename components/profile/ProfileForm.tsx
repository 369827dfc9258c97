"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

/** Name and avatar colour (the colour collaborators see for your presence and caret). */
export function ProfileForm({ name, color, derivedColor }: { name: string; color: string | null; derivedColor: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [useCustom, setUseCustom] = useState(color !== null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch("/api/profile", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: form.get("name"), color: useCustom ? form.get("color") : null }),
      });
      const data = (await res.json().catch(() => ({}))) as { error?: string };
      setMessage(res.ok ? { ok: true, text: "Saved." } : { ok: false, text: data.error ?? "Saving failed." });
      if (res.ok) router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate data-testid="profile-form">
      {message && <p role={message.ok ? "status" : "alert"} className={message.ok ? "notice" : "error"}>{message.text}</p>}
      <label className="field">
        Name
        <input name="name" defaultValue={name} required maxLength={80} autoComplete="name" />
      </label>
      <fieldset className="field" style={{ border: "none", padding: 0 }}>
        <legend>Avatar colour</legend>
        <label>
          <input type="checkbox" checked={useCustom} onChange={(e) => setUseCustom(e.target.checked)} /> Choose my own colour
        </label>
        <input name="color" type="color" defaultValue={color ?? derivedColor} disabled={!useCustom} aria-label="Avatar colour" style={{ width: 64, height: 36 }} />
      </fieldset>
      <button className="button" type="submit" disabled={busy}>Save profile</button>
    </form>
  );
}

"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";

/**
 * Changes the password; the current one is required (OAuth-only accounts set a first one).
 * The change revokes every session, this one too, so the form signs in again with the new one.
 */
export function PasswordForm({ hasPassword, email }: { hasPassword: boolean; email: string }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (form.get("newPassword") !== form.get("confirm")) {
      setMessage({ ok: false, text: "The new passwords do not match." });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch("/api/profile/password", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ currentPassword: form.get("currentPassword") ?? "", newPassword: form.get("newPassword") }),
      });
      const data = (await res.json().catch(() => ({}))) as { error?: string };
      if (!res.ok) {
        setMessage({ ok: false, text: data.error ?? "Changing the password failed." });
        return;
      }
      const again = await signIn("credentials", { email, password: String(form.get("newPassword") ?? ""), redirect: false });
      setMessage(
        again?.ok
          ? { ok: true, text: "Password changed. Your other sessions were signed out." }
          : { ok: true, text: "Password changed. Every session was signed out; sign in again with the new password." },
      );
      formElement.reset();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate data-testid="password-form">
      {message && <p role={message.ok ? "status" : "alert"} className={message.ok ? "notice" : "error"}>{message.text}</p>}
      {hasPassword && (
        <label className="field">
          Current password
          <input name="currentPassword" type="password" autoComplete="current-password" required />
        </label>
      )}
      <label className="field">
        New password <span className="muted small">(at least 8 characters)</span>
        <input name="newPassword" type="password" autoComplete="new-password" required minLength={8} />
      </label>
      <label className="field">
        Repeat the new password
        <input name="confirm" type="password" autoComplete="new-password" required minLength={8} />
      </label>
      <button className="button" type="submit" disabled={busy}>Change password</button>
    </form>
  );
}

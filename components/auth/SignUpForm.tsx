"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

/** `callbackUrl`: where to go after sign-up instead of the new copy of the sample map. */
export function SignUpForm({ callbackUrl }: { callbackUrl?: string } = {}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/signup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = (await response.json().catch(() => ({}))) as { error?: string; mapId?: string | null };
      if (!response.ok) {
        setError(data.error ?? "Sign-up failed. Try again.");
        return;
      }
      const result = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
      if (!result || result.error) {
        setError("Your account was created, but signing in failed. Try signing in.");
        return;
      }
      // Straight to the user's own copy of the sample map: the fastest way to see what this is.
      router.push(callbackUrl ?? (data.mapId ? `/maps/${data.mapId}` : "/maps"));
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && <p role="alert" className="error">{error}</p>}
      <label className="field">
        Name
        <input name="name" autoComplete="name" maxLength={80} />
      </label>
      <label className="field">
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label className="field">
        Password <span className="muted small">(at least 8 characters)</span>
        <input name="password" type="password" autoComplete="new-password" required minLength={8} />
      </label>
      <button className="button" type="submit" disabled={busy}>{busy ? "Creating your account…" : "Create account"}</button>
    </form>
  );
}

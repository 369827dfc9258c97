import { UPLOAD_BODY_LIMIT } from "../sources/sourceLimits";

/** The byte caps on request bodies (docs/notes-uploads.md); readBodyBytes.ts enforces them. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** next-auth's sign-in and sign-out forms: a CSRF token, an email and a password. */
export const AUTH_BODY_LIMIT = 64 * 1024;
/** No route takes more (source uploads are the largest), so the server refuses a larger declared Content-Length before routing. */
export const MAX_REQUEST_BODY_BYTES = UPLOAD_BODY_LIMIT;

export const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`);

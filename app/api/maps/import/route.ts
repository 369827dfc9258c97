import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { refusal } from "@/lib/http/refusal";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { readInterchangeUpload } from "@/lib/interchange/interchangeUpload";
import { importMapFor } from "@/lib/interchange/mapImportService";

export const dynamic = "force-dynamic";

/** POST multipart {file, format?} — a new map from an Argdown, Kialo, AIF or Claimboard file. */
export async function POST(request: Request) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to import a map." }, { status: 401 });
  const upload = await readInterchangeUpload(request);
  if (!upload.ok) return refusal(upload);
  const result = await importMapFor(user.id, upload.text, upload.fields);
  if (!result.ok) return refusal(result);
  return Response.json(result.value, { status: 201 });
}

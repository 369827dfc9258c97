/** The response for a lib call that refused: its status and message, as JSON. */
export function refusal(result: { status: number; error: string }): Response {
  return Response.json({ error: result.error }, { status: result.status });
}

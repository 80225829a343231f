/**
 * The answer to a request the file handlers will not serve: the same `{ ok: false, error }`
 * shape the API answers with, so the browser shell's page and a person reading the network
 * log see one kind of refusal.
 */
export function refusal(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ ok: false, error: { code, message } }), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

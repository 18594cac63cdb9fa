/** RFC 9457 problem details: what every API error answers. */
export interface Problem {
  status: number;
  code: string;
  detail: string;
  place?: { file?: string; line?: number; entry?: number; field?: string };
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/** Reads a problem out of a failed response's body; a body that is not problem JSON still yields one. */
export function problemOf(status: number, body: string): Problem {
  try {
    const parsed = JSON.parse(body) as Partial<Problem>;
    if (typeof parsed.detail === 'string' && typeof parsed.code === 'string')
      return { ...parsed, status } as Problem;
  } catch {
    // not JSON: fall through to a generic problem
  }
  return { status, code: 'http', detail: body.slice(0, 200) || `HTTP ${status}` };
}

/** The session's CSRF token (from sign-in or /api/auth/me), sent on every unsafe request. */
let csrfToken: string | null = null;
/** Told when the server answers 401: the session ended, the app goes back to the sign-in page. */
let onUnauthorized: () => void = () => {};

export function setSession(token: string | null, unauthorized: () => void): void {
  csrfToken = token;
  onUnauthorized = unauthorized;
}

export function sessionHeaders(method: string): Record<string, string> {
  return csrfToken && !['GET', 'HEAD'].includes(method.toUpperCase()) ? { 'x-csrf-token': csrfToken } : {};
}

/** A failed response as an ApiError; a 401 also ends the session in the app. */
export function failure(status: number, body: string): ApiError {
  if (status === 401) onUnauthorized();
  return new ApiError(problemOf(status, body));
}

/** JSON over fetch with the session cookie and CSRF header; errors become an ApiError carrying the problem. */
export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    credentials: 'include',
    headers: { accept: 'application/json', ...sessionHeaders(init.method ?? 'GET'), ...init.headers },
  });
  if (!response.ok) throw failure(response.status, await response.text());
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

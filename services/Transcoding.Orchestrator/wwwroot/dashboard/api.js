// The orchestrator's API with the credential of this browser tab. The credential is kept in sessionStorage (gone when
// the tab closes) and sent as the contract says: a JWT as "Authorization: Bearer …", anything else as "X-Api-Key".

const storageKey = 'transcoding.credential';

export const credential = {
  get: () => sessionStorage.getItem(storageKey) ?? '',
  set: value => sessionStorage.setItem(storageKey, value.trim()),
  clear: () => sessionStorage.removeItem(storageKey),
};

// A JWT is three base64url parts joined by dots (RFC 7519, 7.2); API keys have no dots.
const isJwt = value => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value);

function credentialHeaders() {
  const value = credential.get();
  if (!value) return {};
  return isJwt(value) ? { Authorization: `Bearer ${value}` } : { 'X-Api-Key': value };
}

/** A non-2xx answer: status and the reason the API gave (ProblemDetails detail/title, or its text). */
export class ApiError extends Error {
  constructor(status, reason) {
    super(reason);
    this.status = status;
  }
}

function reasonOf(data, response) {
  if (data && typeof data === 'object') return data.detail ?? data.title ?? response.statusText;
  if (typeof data === 'string' && data.length > 0) return data;
  return response.statusText || 'no reason given';
}

/** fetch with the credential; resolves { status, data } (data parsed from JSON when it is JSON), rejects with ApiError. */
export async function api(path, { method = 'GET', body } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: { Accept: 'application/json', ...credentialHeaders(), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, `the orchestrator cannot be reached (${error.message})`);
  }
  const text = await response.text();
  let data = text;
  try { data = text ? JSON.parse(text) : null; } catch { /* plain text answers stay text */ }
  if (!response.ok) throw new ApiError(response.status, reasonOf(data, response));
  return { status: response.status, data };
}

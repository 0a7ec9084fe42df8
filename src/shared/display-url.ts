/**
 * An endpoint or URL as shown in a message: credentials, query and fragment removed (they may hold a
 * token). Used for model providers and the Hugging Face Hub alike.
 */
export function displayEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.toString().replace(/\/+$/, '');
  } catch {
    return endpoint.replace(/[?#].*$/, '').replace(/\/+$/, '');
  }
}

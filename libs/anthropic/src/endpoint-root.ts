/** A configured endpoint without its trailing slashes (`https://gw.example.com/anthropic//` → `…/anthropic`). */
export function endpointRoot(endpoint: string): string {
  let end = endpoint.length;
  while (end > 0 && endpoint[end - 1] === '/') end--;
  return endpoint.slice(0, end);
}

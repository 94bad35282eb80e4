import { AppError, type ZodServer } from '@synoptic/service-kit';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated writes (OWASP: verify origin with standard headers).
 * A browser always sends Origin on a cross-origin write and Sec-Fetch-Site where it knows it, so
 * a write from another site is refused. The origin may be PUBLIC_URL or the address the request
 * itself was sent to (a one-box user may open 127.0.0.1 instead of localhost). Requests that carry
 * a bearer token never ride on ambient cookies and are exempt, as are non-browser clients that
 * send neither header.
 */
export function registerCsrfProtection(app: ZodServer, allowedOrigins: string[]): void {
  const allowed = new Set(allowedOrigins.map((o) => new URL(o).origin));
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method) || request.headers.authorization !== undefined) return;
    const origin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    const crossSite =
      (origin !== undefined && !allowed.has(origin) && !isSameHost(origin, request.host)) ||
      (origin === undefined && site !== undefined && site !== 'same-origin' && site !== 'none');
    if (crossSite) {
      request.log.warn({ origin, site }, 'cross-site write refused');
      throw new AppError('forbidden', 'This request came from another site and was refused.');
    }
  });
}

function isSameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

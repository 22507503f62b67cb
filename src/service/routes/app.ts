/**
 * The policy workbench (docs/app.md) served by `bashunwei serve` at `/app/`: the built page's
 * static files (dist/app, `npm run build`), read once when the service starts, each answered with
 * the page's Content-Security-Policy as a header (the page also carries it in a meta tag, for
 * static hosting; a worker script takes its policy from its own response, so every file gets it),
 * an ETag and `no-cache` (revalidated: a new build is seen at once). No API key: the page is
 * public and calls nothing on the server; everything it computes stays in the browser.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ClaimErrorCode } from '../../errors/codes.js';
import { refuse, send } from '../answer.js';
import { lenientLang } from '../request-query.js';

/**
 * The page's Content-Security-Policy: scripts and workers from the page's own origin only (no
 * inline script, no eval), styles from its own file, no request to anything (`connect-src
 * 'none'`), no form posted, no base URL changed. The same text is in the page's meta tag
 * (src/app/static/index.html; test/app holds them equal).
 */
export const APP_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'";

/** Options of the page's routes: where the built page is (default: dist/app of the package). */
export interface AppPageOptions {
  readonly dir?: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The built page's folder of the package (`dist/app` beside the built service, or of the project
 * when running from source), or `undefined` when the page was not built.
 *
 * @example
 * builtAppFolder() // "/…/node_modules/bashunwei/dist/app"
 */
export function builtAppFolder(): string | undefined {
  for (const rel of ['./app/', '../app/', '../../../dist/app/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(join(dir, 'index.html'))) return dir.replace(/\/$/, '');
  }
  return undefined;
}

/**
 * The files of a built page by name, with their type and ETag (only the page's own kinds of file).
 *
 * @example
 * appFiles('dist/app').get('index.html')?.type // "text/html; charset=utf-8"
 */
export function appFiles(dir: string): Map<string, { body: Buffer; type: string; etag: string }> {
  const files = new Map<string, { body: Buffer; type: string; etag: string }>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[name.slice(name.lastIndexOf('.'))];
    const path = join(dir, name);
    if (type === undefined || !statSync(path).isFile()) continue;
    const body = readFileSync(path);
    files.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"` });
  }
  return files;
}

/**
 * The page's routes, registered under a prefix (`/app`): `/app` is redirected to `/app/`, which
 * answers index.html, and `/app/<file>` each file of the built page.
 *
 * @example
 * await app.register(appPage, { prefix: '/app' });
 */
export const appPage: FastifyPluginAsync<AppPageOptions> = async (app, options) => {
  const dir = options.dir ?? builtAppFolder();
  const files = dir !== undefined && existsSync(join(dir, 'index.html')) ? appFiles(dir) : undefined;
  const serve = (name: string, req: FastifyRequest, reply: FastifyReply) => {
    if (!files) {
      const detail = 'the workbench page is not built: run `npm run build` (it writes dist/app)';
      return send(reply, refuse(503, ClaimErrorCode.UNAVAILABLE, '', { detail }, lenientLang(req.query)));
    }
    const file = files.get(name);
    if (!file) return reply.callNotFound();
    reply.headers({
      'content-security-policy': APP_CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
      etag: file.etag,
    });
    if (req.headers['if-none-match'] === file.etag) return reply.code(304).send();
    return reply.type(file.type).send(file.body);
  };
  // The page's relative URLs (app.js, app.css) need the final slash.
  app.get('', { prefixTrailingSlash: 'no-slash' }, (_req, reply) => reply.redirect(`${app.prefix}/`, 301));
  app.get('/', { prefixTrailingSlash: 'slash' }, (req, reply) => serve('index.html', req, reply));
  app.get<{ Params: { file: string } }>('/:file', (req, reply) => serve(req.params.file, req, reply));
};

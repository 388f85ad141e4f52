import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** Paths that belong to the API, the docs, the probes and the metrics: never the console's, whatever the request accepts. */
const SERVER_PATHS = /^\/(api|docs|docs-json|health|metrics)(\/|$|-)/;
const YEAR_SECONDS = 31_536_000;

const MISSING =
  'La consola web no está construida: ejecute npm run build:console\n' + 'The web console is not built: run npm run build:console\n';

/**
 * Serves the built web console (Vite's dist/console) from the same origin, before Nest's routes: hashed files
 * under /assets/ are cached for a year, index.html never without revalidation, and any other GET that asks for
 * HTML (a deep link such as /casos) gets index.html, so the browser's router takes over. The files are public
 * (code, no data): every API call the console makes is authenticated as usual.
 */
export function consoleStatic(dir: string) {
  const root = normalize(dir);
  const index = join(root, 'index.html');
  return (request: Request, response: Response, next: NextFunction): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || SERVER_PATHS.test(request.path)) return next();
    const file = normalize(join(root, safeDecode(request.path)));
    const inside = file.startsWith(root + sep);
    if (!inside) return next(); // an escaped path (..%2f) is nobody's file
    if (request.path.startsWith('/assets/')) {
      if (!isFile(file)) return next(); // a missing asset is the API's JSON 404, not index.html
      response.setHeader('Cache-Control', `public, max-age=${YEAR_SECONDS}, immutable`);
      return response.sendFile(file);
    }
    if (request.path !== '/' && isFile(file)) {
      response.setHeader('Cache-Control', 'no-cache');
      return response.sendFile(file);
    }
    if (request.path !== '/' && !request.accepts('html')) return next();
    if (!isFile(index)) {
      response.status(503).type('text/plain; charset=utf-8').setHeader('Cache-Control', 'no-store');
      return void response.send(MISSING);
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const APP = path.resolve(import.meta.dirname, '../../app');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** A route file under app/: its URL path as Next serves it (`[param]` segments kept) and the methods it exports. */
export type RouteFile = { urlPath: string; file: string; methods: string[] };

/** Every route file, from the file tree: a route added later is checked without anyone remembering to list it. */
export function routeFiles(dir = APP, segments: string[] = []): RouteFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      // Route groups "(name)" do not appear in URLs.
      const next = /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name];
      return routeFiles(path.join(dir, entry.name), next);
    }
    if (entry.name !== 'route.ts') return [];
    const source = readFileSync(path.join(dir, entry.name), 'utf8');
    const methods = METHODS.filter((m) => new RegExp(`export (const|async function) ${m}\\b|\\bas ${m}\\b`).test(source));
    return [{ urlPath: `/${segments.join('/')}`, file: path.join(dir, entry.name), methods }];
  });
}

/** The OpenAPI path template of a URL path: `[clusterId]` → `{clusterId}`. */
export const templateOf = (urlPath: string) => urlPath.replace(/\[(\w+)\]/g, '{$1}');

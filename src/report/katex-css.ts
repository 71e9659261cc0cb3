/**
 * KaTeX's stylesheet made self-contained: every font is embedded as a base64 woff2 data: URI (the
 * woff and ttf fallbacks are dropped; every browser that runs KaTeX reads woff2), so a page
 * carrying it needs no network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InternalError } from '../errors.js';

let cached: string | null = null;

export function katexCss(): string {
  if (cached !== null) return cached;
  const cssPath = createRequire(import.meta.url).resolve('katex/dist/katex.min.css');
  const css = readFileSync(cssPath, 'utf8');
  const inlined = css.replace(/src:url\(fonts\/([\w-]+)\.woff2\) format\("woff2"\)(?:,url\([^)]*\) format\("[^"]*"\))*/g, (_m, font: string) => {
    const data = readFileSync(join(dirname(cssPath), 'fonts', `${font}.woff2`)).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  const external = inlined.match(/url\((?!data:)[^)]*\)/);
  if (external) throw new InternalError(`KaTeX stylesheet still refers to ${external[0]} after inlining its fonts`);
  cached = inlined;
  return cached;
}

// Bundles the extension client, the language server and the command line (for Node), and the
// 年报汇总 webview script with its chart library (for the browser), with esbuild.
// `--production` minifies and drops source maps (what goes into the .vsix).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--only=cli,server`: just those bundles (a test needs one, not the whole build). `--only=bench`
// bundles the benchmark, so that it measures the engine as it ships, not as tsx transforms it.
const only = process.argv.find(a => a.startsWith('--only='))?.slice('--only='.length).split(',');

const options = {
  entryPoints: {
    extension: 'client/src/extension.ts',
    server: 'server/src/server.ts',
    cli: 'server/src/cli.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // jsonc-parser's `main` is a UMD build whose require() calls inside its factory esbuild cannot
  // follow ("Cannot find module './impl/format'" at run time); its ES module build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  sourcemap: !production,
  minify: production,
  // Chinese text as UTF-8, not \uXXXX escapes: the Chinese tables of iconv-lite and the messages
  // take half the bytes.
  charset: 'utf8',
  logLevel: 'warning',
  // unified's ESM packages reference import.meta only in code paths Node never takes here.
  define: { 'import.meta.url': '__import_meta_url' },
  banner: { js: "const __import_meta_url = require('url').pathToFileURL(__filename).href;" },
};

const webview = {
  entryPoints: { summaryView: 'client/webview/summary.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

if (only) {
  options.entryPoints = Object.fromEntries(Object.entries({ ...options.entryPoints, bench: 'bench/bench.ts' }).filter(([name]) => only.includes(name)));
  webview.entryPoints = Object.fromEntries(Object.entries(webview.entryPoints).filter(([name]) => only.includes(name)));
}
const builds = [options, webview].filter(b => Object.keys(b.entryPoints).length > 0);

if (watch) for (const b of builds) await (await esbuild.context(b)).watch();
else await Promise.all(builds.map(b => esbuild.build(b)));

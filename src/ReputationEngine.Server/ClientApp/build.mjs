// Bundles the dashboard into ../wwwroot/dist (one script, one stylesheet: the CSP allows nothing inline).
import { build } from 'esbuild';

await build({
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: ['es2022'],
  outdir: '../wwwroot/dist',
  logLevel: 'warning',
  legalComments: 'linked',
});

// A minimal static file server for a built site, on loopback only. Test helper, not part of Suluh.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf', '.gz': 'application/gzip', '.ico': 'image/x-icon', '.ics': 'text/calendar',
  '.webmanifest': 'application/manifest+json',
};

export function serveDist(root) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.resolve(base, '.' + rel);
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      const lang = rel.split('/')[1];
      const localized = path.join(base, lang, '404.html');
      const notFound = fs.existsSync(localized) ? localized : path.join(base, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      fs.createReadStream(notFound).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

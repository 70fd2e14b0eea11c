// The floor of the wizard's start with its code cache: an Ink app drawn as the wizard is drawn
// (the same render options), bundled as the program is and loaded by the program's own launcher
// (dist/launch.cjs), so it has a code cache of its own after the first run. It draws the wizard's
// title; built with INK_FLOOR_TRIP=1 it then does what every demo list needs and nothing else: an HTTPS server on
// 127.0.0.1 with a certificate made for the run (the emulator's), one request to it that trusts
// that certificate only, and the answer drawn. Ctrl+C ends it with 0, so the cache is written.
// The two are two programs (bench/run.mjs bundles each with the constant set), so each keeps a
// cache of its own and the one-line app carries none of the trip's code.
import React, { useEffect, useState } from 'react';
import { render, Text } from 'ink';

// Loaded after the first frame, as the wizard loads its own.
async function tripOnce() {
  const { createServer, request } = process.getBuiltinModule('node:https');
  const { makeLoopbackCertificate } = await import('../src/emulator/certificate.ts');
  return new Promise((resolve, reject) => {
    const { certPem, keyPem } = makeLoopbackCertificate();
    const server = createServer({ cert: certPem, key: keyPem }, (req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ value: [{ name: 'web-01' }] }));
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const req = request({ host: '127.0.0.1', port, path: '/', ca: certPem }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => {
          server.close();
          resolve(JSON.parse(body).value[0].name);
        });
      });
      req.on('error', reject);
      req.end();
    });
  });
}

function Floor({ trip }) {
  const [name, setName] = useState(undefined);
  useEffect(() => {
    if (trip) tripOnce().then(setName);
  }, [trip]);
  return React.createElement(
    Text,
    null,
    name === undefined ? 'NGINXaaS dataplane API key' : `NGINXaaS dataplane API key: ${name}`,
  );
}

const app = render(React.createElement(Floor, { trip: process.env.INK_FLOOR_TRIP === '1' }), {
  exitOnCtrlC: true,
  patchConsole: false,
  maxFps: 1000,
});
app.waitUntilExit().then(() => process.exit(0));
// The app reads no keys, so the terminal stays in cooked mode and Ctrl+C arrives as SIGINT.
process.once('SIGINT', () => process.exit(0));

// Moodbox bench peer: Human (TF.js, WASM backend) times face detection + emotion on the frames Java
// pipes in as raw RGB (640x480x3 each); models come from Human's own package files over a loopback
// server, so nothing is fetched from the network. Prints one JSON line of figures on stdout.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const [width, height, count, warmup, frames] = process.argv.slice(2).map(Number);
const modelsDir = path.join(path.join(__dirname, 'node_modules', '@vladmandic', 'human'), 'models');
const wasmDir = path.join(path.join(__dirname, 'node_modules', '@tensorflow', 'tfjs-backend-wasm'), 'dist') + path.sep;

// TF.js in Node loads graph models over HTTP only; serve the package's model files on loopback.
function serveModels() {
  const server = http.createServer((req, res) => {
    const file = path.join(modelsDir, path.basename(decodeURIComponent(req.url.split('?')[0])));
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'Content-Type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream' });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function readStdin(bytes) {
  const buf = Buffer.alloc(bytes);
  let off = 0;
  while (off < bytes) {
    const n = fs.readSync(0, buf, off, bytes - off, null);
    if (n === 0) throw new Error(`stdin ended after ${off} of ${bytes} bytes`);
    off += n;
  }
  return buf;
}

function pct(sorted, q) {
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))];
}

async function main() {
  const frameBytes = width * height * 3;
  const pixels = readStdin(frameBytes * count);
  const server = await serveModels();
  const { Human } = require(path.join(__dirname, 'node_modules', '@vladmandic', 'human', 'dist', 'human.node-wasm.js'));
  const human = new Human({
    backend: 'wasm',
    wasmPath: wasmDir,
    modelBasePath: `http://127.0.0.1:${server.address().port}/`,
    debug: false,
    cacheSensitivity: 0, // the frames repeat: without this Human would return cached results
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { rotation: false, maxDetected: 20, skipFrames: 0, skipTime: 0 },
      mesh: { enabled: false }, iris: { enabled: false }, description: { enabled: false },
      antispoof: { enabled: false }, liveness: { enabled: false }, attention: { enabled: false },
      emotion: { enabled: true, skipFrames: 0, skipTime: 0 },
    },
    body: { enabled: false }, hand: { enabled: false }, object: { enabled: false },
    gesture: { enabled: false }, segmentation: { enabled: false },
  });
  // One thread, like the Moodbox side: no multithreaded WASM.
  human.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await human.load();
  await human.warmup?.({ warmup: 'none' });
  const tf = human.tf;
  const tensors = [];
  for (let i = 0; i < count; i++) {
    tensors.push(tf.tensor3d(new Uint8Array(pixels.buffer, pixels.byteOffset + i * frameBytes, frameBytes),
      [height, width, 3], 'int32'));
  }
  const perPhoto = [];
  for (let i = 0; i < count; i++) {
    const r = await human.detect(tensors[i]);
    perPhoto.push(r.face.filter((f) => f.emotion && f.emotion.length > 0).length);
  }
  for (let i = 0; i < warmup; i++) await human.detect(tensors[i % count]);
  const ms = [];
  for (let i = 0; i < frames; i++) {
    const t0 = process.hrtime.bigint();
    await human.detect(tensors[i % count]);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  server.close();
  process.stdout.write(JSON.stringify({
    peer: `human ${human.version} wasm`, backend: tf.getBackend(), frames, warmup,
    totalMs: pct(ms, 0.5), totalP95Ms: pct(ms, 0.95), facesPerPhoto: perPhoto,
    facesFound: perPhoto.reduce((a, b) => a + b, 0),
  }) + '\n');
}

main().catch((e) => { process.stderr.write(`peer failed: ${e.stack || e}\n`); process.exit(1); });

// Moodbox bench peer: Human (TF.js, WASM backend) times face detection + emotion on the frames Java
// pipes in as raw RGB (640x480x3 each); models come from Human's own package files over a loopback
// server, so nothing is fetched from the network. Prints one JSON line of figures on stdout.
//   node peer.js W H COUNT WARMUP FRAMES          stills: COUNT photos, then timed in a loop (no caching)
//   node peer.js video W H FRAMES FPS WARMUP on|off [mesh]
//                      a clip streamed frame by frame at its own pace, with Human's frame skipping and result cache on
//                      (its defaults) or off; with mesh, its face mesh on too, which is what follows a face between
//                      detections in Human (without it every frame is detected whatever the cache says)
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const video = process.argv[2] === 'video';
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

// Human for faces and emotion only. cache: its own frame skipping (detector boxes and emotions reused for up to
// skipFrames frames or skipTime ms) and result cache (a frame that changed little reuses the last results) left at
// Human's defaults; without it every frame is detected and read.
async function makeHuman(server, cache, mesh) {
  const { Human } = require(path.join(__dirname, 'node_modules', '@vladmandic', 'human', 'dist', 'human.node-wasm.js'));
  const noSkips = { skipFrames: 0, skipTime: 0 };
  const human = new Human({
    backend: 'wasm',
    wasmPath: wasmDir,
    modelBasePath: `http://127.0.0.1:${server.address().port}/`,
    debug: false,
    ...(cache ? {} : { cacheSensitivity: 0 }),
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { rotation: false, maxDetected: 20, ...(cache ? {} : noSkips) },
      mesh: { enabled: !!mesh }, iris: { enabled: false }, description: { enabled: false },
      antispoof: { enabled: false }, liveness: { enabled: false }, attention: { enabled: false },
      emotion: { enabled: true, ...(cache ? {} : noSkips) },
    },
    body: { enabled: false }, hand: { enabled: false }, object: { enabled: false },
    gesture: { enabled: false }, segmentation: { enabled: false },
  });
  // One thread, like the Moodbox side: no multithreaded WASM.
  human.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await human.load();
  await human.warmup?.({ warmup: 'none' });
  return human;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The clip: WARMUP frames, then FRAMES timed, each handed to Human no sooner than its time in the video (Human's
// skipTime is wall-clock time, so a clip fed faster than real time would flatter its cache). CPU time is the whole
// process's (user + system): one WASM thread does the work.
async function runVideo() {
  const [w, h, clipFrames, fps, warm] = process.argv.slice(3, 8).map(Number);
  const cache = process.argv[8] === 'on';
  const mesh = process.argv[9] === 'mesh';
  const frameBytes = w * h * 3;
  const server = await serveModels();
  const human = await makeHuman(server, cache, mesh);
  const tf = human.tf;
  const ms = [];
  const faces = [];
  let cpuMicros = 0;
  const start = Number(process.hrtime.bigint()) / 1e6;
  for (let i = 0; i < warm + clipFrames; i++) {
    const due = start + (i * 1000) / fps;
    const now = Number(process.hrtime.bigint()) / 1e6;
    if (due > now) await sleep(due - now);
    const pixels = readStdin(frameBytes);
    const tensor = tf.tensor3d(new Uint8Array(pixels.buffer, pixels.byteOffset, frameBytes), [h, w, 3], 'int32');
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const r = await human.detect(tensor);
    const t1 = process.hrtime.bigint();
    const cpu = process.cpuUsage(cpu0);
    tf.dispose(tensor);
    if (i < warm) continue;
    ms.push(Number(t1 - t0) / 1e6);
    cpuMicros += cpu.user + cpu.system;
    faces.push(r.face.filter((f) => f.emotion && f.emotion.length > 0).map((f) => {
      const top = f.emotion.reduce((a, b) => (b.score > a.score ? b : a));
      return [f.box[0], f.box[1], f.box[0] + f.box[2], f.box[1] + f.box[3], top.emotion];
    }));
  }
  server.close();
  const sorted = [...ms].sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({
    peer: `human ${human.version} wasm`, backend: tf.getBackend(), mode: (cache ? 'cache on' : 'cache off') + (mesh ? ', mesh' : ''),
    frames: clipFrames, fps, meanMs: ms.reduce((a, b) => a + b, 0) / ms.length, p95Ms: pct(sorted, 0.95),
    cpuMsPerVideoSecond: cpuMicros / 1000 / (clipFrames / fps),
    cachedFrames: human.performance.cachedFrames || 0, faces,
  }) + '\n');
}

async function main() {
  if (video) {
    await runVideo();
    return;
  }
  const frameBytes = width * height * 3;
  const pixels = readStdin(frameBytes * count);
  const server = await serveModels();
  const human = await makeHuman(server, false, false); // the stills repeat: a cache would return the last results
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

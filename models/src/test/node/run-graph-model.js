// Reference run of a TF.js graph model with the real TF.js CPU backend, fully offline.
// Usage: node run-graph-model.js MODEL.json WEIGHTS.bin INPUTS.json
//   INPUTS.json: {"shape": [N,64,64,1], "data": [N*64*64 floats]}
// Prints {"shape": [...], "data": [...]} of the model's output on stdout.
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const converter = require('@tensorflow/tfjs-converter');

async function main() {
  const [modelJsonPath, weightsPath, inputsPath] = process.argv.slice(2);
  if (!inputsPath) {
    throw new Error('usage: node run-graph-model.js MODEL.json WEIGHTS.bin INPUTS.json');
  }
  await tf.setBackend('cpu');
  const modelJson = JSON.parse(fs.readFileSync(modelJsonPath, 'utf8'));
  const weightBytes = fs.readFileSync(weightsPath);
  // fromMemory takes the parsed artifacts directly: no fetch, no network, no file:// handler needed.
  const weightData = weightBytes.buffer.slice(weightBytes.byteOffset, weightBytes.byteOffset + weightBytes.length);
  const handler = tf.io.fromMemory({
    modelTopology: modelJson.modelTopology,
    weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
    weightData,
    format: modelJson.format,
    generatedBy: modelJson.generatedBy,
    convertedBy: modelJson.convertedBy,
    userDefinedMetadata: modelJson.userDefinedMetadata,
  });
  const model = await converter.loadGraphModel(handler);
  const inputs = JSON.parse(fs.readFileSync(inputsPath, 'utf8'));
  const x = tf.tensor(Float32Array.from(inputs.data), inputs.shape, 'float32');
  const y = model.execute(x);
  const out = { shape: y.shape, data: Array.from(await y.data()), backend: tf.getBackend(), tfjs: tf.version_core };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack || err) + '\n');
  process.exit(1);
});

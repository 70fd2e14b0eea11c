// Loaded with --require (NODE_OPTIONS) into a run of the built binary: writes to the file named by
// NGINXAAS_YOUNG_GENERATION_FILE, when the process exits, the largest size (bytes) V8's young
// generation (new_space) had while it ran, sampled every few milliseconds and at the exit.
const { writeFileSync } = require('node:fs');
const { getHeapSpaceStatistics } = require('node:v8');

const file = process.env.NGINXAAS_YOUNG_GENERATION_FILE;
let largest = 0;
const sample = () => {
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  largest = Math.max(largest, young ? young.space_size : 0);
};
if (file) {
  setInterval(sample, 5).unref();
  process.on('exit', () => {
    sample();
    writeFileSync(file, String(largest));
  });
}

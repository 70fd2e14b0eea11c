// Loaded with --require into a measured process: writes its peak RSS (KiB) to the file named by
// NGINXAAS_BENCH_RSS_FILE when it exits.
const { appendFileSync } = require('node:fs');
const file = process.env.NGINXAAS_BENCH_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));

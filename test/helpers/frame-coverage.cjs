// Loaded with --require into the wizard: V8's precise coverage (which functions ran, and how
// often) of the bundle, taken when the first frame is written (its title) and again when the
// deployment list is drawn (`web-01`). Each take is one line of JSON in NGINXAAS_COVERAGE_FILE:
// the start offsets of the bundle's functions that ran since the take before, the Node modules
// loaded so far, and how many of ICU's services (Intl.Segmenter, Collator…) were made.
const { appendFileSync } = require('node:fs');
const { Session } = require('node:inspector');

const file = process.env.NGINXAAS_COVERAGE_FILE;
// ICU's services each cost ~10-20 ms to make the first time (V8 lists every locale ICU has).
const made = {};
for (const kind of ['Segmenter', 'Collator', 'DateTimeFormat', 'NumberFormat']) {
  const Real = Intl[kind];
  made[kind] = 0;
  Intl[kind] = class extends Real {
    constructor(...args) {
      super(...args);
      made[kind] += 1;
    }
  };
}

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });

function take(label) {
  session.post('Profiler.takePreciseCoverage', (error, answer) => {
    const bundle = error ? undefined : answer.result.find((script) => script.url.endsWith('nginxaas-keys.cjs'));
    const ran = (bundle?.functions ?? []).filter((f) => f.ranges[0].count > 0).map((f) => f.ranges[0].startOffset);
    const modules = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
    appendFileSync(file, `${JSON.stringify({ label, url: bundle?.url, ran, modules, made: { ...made } })}\n`);
  });
}

const marks = [
  ['frame', 'NGINXaaS dataplane API key'],
  ['list', 'web-01'],
];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const text = String(chunk);
  while (marks.length > 0 && text.includes(marks[0][1])) take(marks.shift()[0]);
  return write(chunk, ...rest);
};

// What Lighthouse's simulation (Lantern) puts before the first and the largest paint.
//
//     node scripts/lantern.mjs DIR [DIR...]
//
// DIR holds the artifacts of one Lighthouse run, saved with `-GA=DIR` (or
// `uv run scripts/bench.py --artifacts FOLDER`, one DIR per run). For each run
// it prints the paints Chromium observed, then Lantern's first contentful paint
// (FCP) and largest contentful paint (LCP): each the mean of an optimistic and a
// pessimistic estimate, each the simulated end of a graph of requests and main-
// thread tasks, listed here with their simulated start and end (ms) and, for
// tasks, their observed length and what they did. A request is in a paint's graph
// when it ended before that paint was observed; a script, when it also ran
// before it; the FCP graph keeps only requests at render-blocking priority
// (VeryHigh, or High for scripts), the LCP graph every request but low-priority
// images. README.md, "Performance", says what this showed on this site.
//
// Lighthouse comes from scripts/bench.py's install (LIGHTHOUSE, or
// ~/.cache/faq-otan-ukraine-bench/lighthouse-12.2.3).

import os from 'node:os';
import path from 'node:path';

const cli = process.env.LIGHTHOUSE ||
  path.join(os.homedir(), '.cache/faq-otan-ukraine-bench/lighthouse-12.2.3/node_modules/lighthouse/cli/index.js');
const core = path.join(path.dirname(path.dirname(cli)), 'core');
const {loadArtifacts} = await import(path.join(core, 'lib/asset-saver.js'));
const {LanternFirstContentfulPaint} = await import(path.join(core, 'computed/metrics/lantern-first-contentful-paint.js'));
const {LanternLargestContentfulPaint} = await import(path.join(core, 'computed/metrics/lantern-largest-contentful-paint.js'));
const {ProcessedNavigation} = await import(path.join(core, 'computed/processed-navigation.js'));

const DETAIL = new Set(['ParseHTML', 'EvaluateScript', 'UpdateLayoutTree', 'Layout', 'Paint']);

function describe(node) {
  if (node.type === 'network') {
    const request = node.request;
    const name = request.url.startsWith('data:') ? 'data: URL' : new URL(request.url).pathname;
    return `${request.priority} ${request.resourceType} ${name} ${(request.transferSize / 1000).toFixed(1)} KB`;
  }
  const totals = new Map();
  for (const event of node.childEvents) {
    if (!DETAIL.has(event.name)) continue;
    const script = event.name === 'EvaluateScript' ? ` ${path.basename(event.args?.data?.url || '') || 'inline'}` : '';
    const key = event.name + script;
    totals.set(key, (totals.get(key) || 0) + (event.dur || 0) / 1000);
  }
  const what = [...totals].map(([key, ms]) => `${key} ${ms.toFixed(1)}`).join(', ');
  return `task, ${(node.duration / 1000).toFixed(1)} ms observed${what ? `: ${what}` : ''}`;
}

for (const dir of process.argv.slice(2)) {
  const artifacts = await loadArtifacts(dir);
  const context = {computedCache: new Map()};
  const data = {
    trace: artifacts.Trace,
    devtoolsLog: artifacts.DevtoolsLog,
    gatherContext: artifacts.GatherContext,
    settings: artifacts.settings,
    URL: artifacts.URL,
    simulator: null,
  };
  const navigation = await ProcessedNavigation.request(data.trace, context);
  const {timeOrigin, firstContentfulPaint, largestContentfulPaint} = navigation.timestamps;
  const observed = timestamp => ((timestamp - timeOrigin) / 1000).toFixed(0);
  console.log(`${dir}: ${artifacts.URL.finalDisplayedUrl}`);
  console.log(`  observed: FCP ${observed(firstContentfulPaint)} ms, LCP ${observed(largestContentfulPaint)} ms`);
  for (const [metric, Lantern] of [['FCP', LanternFirstContentfulPaint], ['LCP', LanternLargestContentfulPaint]]) {
    const result = await Lantern.request(data, context);
    console.log(`  ${metric} ${result.timing.toFixed(0)} ms`);
    for (const [estimate, simulation] of [['optimistic', result.optimisticEstimate], ['pessimistic', result.pessimisticEstimate]]) {
      console.log(`    ${estimate}: ${simulation.timeInMs.toFixed(0)} ms`);
      for (const [node, timing] of [...simulation.nodeTimings].sort((a, b) => a[1].startTime - b[1].startTime)) {
        const span = `${timing.startTime.toFixed(0).padStart(6)} ${timing.endTime.toFixed(0).padStart(6)}`;
        console.log(`      ${span}  ${describe(node)}`);
      }
    }
  }
}

// Runs the review off the main thread: reads the dropped file in chunks, feeds the
// WebAssembly core, reports progress, and sends back the report, its HTML page and the
// findings CSV. Nothing is sent anywhere else.
import init, { Review } from '../pkg/kefu_coach_review.js';

const CHUNK = 1 << 20;
const ready = init();

self.onmessage = async (event) => {
  const { file, options } = event.data;
  try {
    await ready;
    await run(file, options);
  } catch (e) {
    self.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};

async function run(file, options) {
  const started = performance.now();
  const review = new Review(options);
  const csv = [];
  let last = 0;
  try {
    for (let offset = 0; offset < file.size; offset += CHUNK) {
      const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
      const p = review.push(bytes);
      csv.push(review.takeCsv());
      const now = performance.now();
      if (now - last > 100 || offset + CHUNK >= file.size) {
        last = now;
        self.postMessage({ type: 'progress', ...p, total: file.size, elapsedMs: now - started });
      }
    }
    const { report, html, csv: rest } = review.finish(file.name);
    csv.push(rest);
    const elapsedMs = performance.now() - started;
    const blob = options.csv ? new Blob(csv, { type: 'text/csv;charset=utf-8' }) : null;
    self.postMessage({ type: 'done', report, html, csv: blob, elapsedMs });
  } finally {
    review.free();
  }
}

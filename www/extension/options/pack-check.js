// Team packs are tried in a Web Worker before a page accepts one (the options page, the
// demo): the worker compiles the packs that would be in force and checks a long draft with
// them; the page terminates it after a time limit. A bad or slow pack changes nothing and the
// page says why. The core bounds a pack's cost itself (src/packs.rs, src/pattern); this is the
// second fence, and it keeps the page responsive while a pack compiles.

/** The longest a worker may take (load the core, compile, one check) before it is stopped. */
export const TIME_LIMIT_MS = 5000;
/** The largest pack file read. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** The draft the worker checks: 5,000 characters of Chinese, Latin, digits, punctuation. */
export const SAMPLE = '亲,您好!订单 12345 已经发货了,预计 3 天送达。Thanks a lot ~ 呵呵,有问题随时联系我们哦!\n'
  .repeat(100)
  .slice(0, 5000);

/**
 * What the worker does (exported for tests): compile `packs` with the core's `Coach` and time
 * a check of SAMPLE. Returns {ok: true, rules, ms} or {ok: false, message}.
 */
export function trial(Coach, packs) {
  let coach;
  try {
    coach = new Coach({ packs });
    const started = performance.now();
    coach.check(SAMPLE);
    const rules = packs.reduce((n, p) => n + ((p && Array.isArray(p.rules) && p.rules.length) || 0), 0);
    return { ok: true, rules, ms: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, message: String((e && e.message) || e) };
  } finally {
    if (coach) coach.free();
  }
}

function startWorker() {
  return new Worker(new URL('./pack-worker.js', import.meta.url), { type: 'module' });
}

/**
 * Tries `packs` (every pack that would be in force) in a worker. Resolves {rules, ms}, or
 * rejects with an Error whose message says why; the worker is terminated either way, and
 * after `timeoutMs` at the latest. `start` makes the worker (tests pass a fake).
 */
export function checkPacks(packs, { timeoutMs = TIME_LIMIT_MS, start = startWorker } = {}) {
  return new Promise((resolve, reject) => {
    let worker;
    let timer = 0;
    const finish = (settle, value) => {
      clearTimeout(timer);
      if (worker) worker.terminate();
      settle(value);
    };
    try {
      worker = start();
    } catch (e) {
      reject(new Error(`无法启动检查线程(${(e && e.message) || e})`));
      return;
    }
    timer = setTimeout(
      () => finish(reject, new Error(`检查超过 ${timeoutMs / 1000} 秒仍未完成,规则包可能过于复杂`)),
      timeoutMs,
    );
    worker.onmessage = ({ data }) => {
      if (data && data.ok) finish(resolve, { rules: data.rules, ms: data.ms });
      else finish(reject, new Error((data && data.message) || '规则包无效'));
    };
    worker.onerror = (e) => {
      if (e && e.preventDefault) e.preventDefault();
      finish(reject, new Error(`检查线程出错(${(e && e.message) || '未知错误'})`));
    };
    worker.postMessage({ packs });
  });
}

/** A JSON file's value, or an Error that says why not; `what` names the file (规则包, 话术库). */
export async function readJsonFile(file, what) {
  if (file.size > MAX_FILE_BYTES) throw new Error(`文件超过 1 MB,不像是${what}`);
  const text = await file.text();
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`不是有效的 JSON(${e.message})`);
  }
}

/** A pack file's JSON, or an Error that says why not. */
export function readPackFile(file) {
  return readJsonFile(file, '规则包');
}

/** The packs in force once `pack` is added to `packs` (replacing one of the same name). */
export function withPack(packs, pack) {
  const name = pack && pack.name;
  return packs.filter((p) => !p || p.name !== name).concat([pack]);
}

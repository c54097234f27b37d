// The Web Worker of pack-check.js: loads the core, compiles the packs it is sent and times a
// check with them, then answers once. The page terminates it when it takes too long.
import init, { Coach } from '../../pkg/kefu_coach.js';
import { trial } from './pack-check.js';

self.onmessage = async ({ data }) => {
  try {
    await init();
    self.postMessage(trial(Coach, data.packs));
  } catch (e) {
    self.postMessage({ ok: false, message: `无法加载检查核心(${(e && e.message) || e})` });
  }
};

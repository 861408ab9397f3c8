// TEST-ONLY preload for the real OpenClaw gateway: `node --import <this file> ...` with
// CLOCK_WARP_FACTOR=N (N > 1) runs the process's clock N times faster than real time, so what the
// gateway schedules by the clock (the 30 s diagnostic heartbeat, the 120 s stuck-session threshold,
// the OTLP export interval) happens in 1/N of the real time. From the moment this loads, Date.now(),
// new Date(), performance.now() advance N ms per real ms, and every setTimeout/setInterval delay
// (global, node:timers, node:timers/promises) is divided by N. Timers node created before user code
// (e.g. inside the bundled fetch) keep real time, which only makes their timeouts longer, not shorter.
// Without CLOCK_WARP_FACTOR (or with 1) it changes nothing.
import { syncBuiltinESMExports } from 'node:module';
import { performance } from 'node:perf_hooks';
import timers from 'node:timers';
import timersPromises from 'node:timers/promises';

const factor = Number(process.env.CLOCK_WARP_FACTOR ?? '1');
if (Number.isFinite(factor) && factor > 1) {
  const RealDate = Date;
  const realDateNow = RealDate.now.bind(RealDate);
  const dateOrigin = realDateNow();
  const warpedNow = () => Math.floor(dateOrigin + (realDateNow() - dateOrigin) * factor);

  class WarpedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(warpedNow());
      else super(...args);
    }
    static now() {
      return warpedNow();
    }
  }
  // Date() called without `new` returns the current time as a string.
  globalThis.Date = new Proxy(WarpedDate, {
    apply: () => new WarpedDate().toString(),
  });

  const realPerformanceNow = performance.now.bind(performance);
  const performanceOrigin = realPerformanceNow();
  performance.now = () => performanceOrigin + (realPerformanceNow() - performanceOrigin) * factor;

  const shorten = (delay) => {
    const ms = Number(delay);
    return Number.isFinite(ms) && ms > 0 ? ms / factor : delay;
  };
  const wrap = (real) =>
    function warpedTimer(callback, delay, ...args) {
      return real(callback, shorten(delay), ...args);
    };
  const realSetTimeout = timers.setTimeout;
  const realSetInterval = timers.setInterval;
  globalThis.setTimeout = timers.setTimeout = Object.assign(wrap(realSetTimeout), {
    [Symbol.for('nodejs.util.promisify.custom')]: (delay, value, options) =>
      realPromiseTimeout(shorten(delay), value, options),
  });
  globalThis.setInterval = timers.setInterval = wrap(realSetInterval);
  const realPromiseTimeout = timersPromises.setTimeout;
  const realPromiseInterval = timersPromises.setInterval;
  timersPromises.setTimeout = (delay, value, options) => realPromiseTimeout(shorten(delay), value, options);
  timersPromises.setInterval = (delay, value, options) => realPromiseInterval(shorten(delay), value, options);
  syncBuiltinESMExports();
}

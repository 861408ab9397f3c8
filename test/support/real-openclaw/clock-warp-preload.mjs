// TEST-ONLY preload for the real OpenClaw gateway and its clients: `node --import <this file> ...` with
// CLOCK_WARP_FACTOR=N (N > 1) runs the process's clock N times faster than real time, so what the
// gateway schedules by the clock (the 30 s diagnostic heartbeat, the 120 s stuck-session threshold,
// the OTLP export interval) happens in 1/N of the real time.
// - Date.now() and new Date() read CLOCK_WARP_ORIGIN + (real now - CLOCK_WARP_ORIGIN) * N (origin: epoch
//   ms, default the moment this loads), so every process given the same origin agrees on the time
//   (the gateway checks the time its CLI and RPC clients sign their requests with);
// - performance.now() advances N ms per real ms from the moment this loads;
// - unless CLOCK_WARP_TIMERS=0 (the clients: their timeouts stay real), every setTimeout/setInterval
//   delay (global, node:timers, node:timers/promises) is divided by N. Timers node created before user
//   code (e.g. inside the bundled fetch) keep real time, which only makes their timeouts longer.
// Without CLOCK_WARP_FACTOR (or with 1) it changes nothing.
import { syncBuiltinESMExports } from 'node:module';
import { performance } from 'node:perf_hooks';
import timers from 'node:timers';
import timersPromises from 'node:timers/promises';

const factor = Number(process.env.CLOCK_WARP_FACTOR ?? '1');
if (Number.isFinite(factor) && factor > 1) {
  const RealDate = Date;
  const realDateNow = RealDate.now.bind(RealDate);
  const givenOrigin = Number(process.env.CLOCK_WARP_ORIGIN);
  const dateOrigin = Number.isFinite(givenOrigin) && givenOrigin > 0 ? givenOrigin : realDateNow();
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

  if (process.env.CLOCK_WARP_TIMERS !== '0') warpTimers();
}

function warpTimers() {
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

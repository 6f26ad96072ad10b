// extensionTestsPath module for the extension-host layer (see test/e2e/exthost.mjs).
// Runs every test/e2e/suite/*.test.js with mocha 11 (CommonJS; mocha 12 is ESM-only)
// inside code-server's real Node extension host. Results leave the host three ways:
//   - the returned promise (rejected = failure) -> workbench calls codeAutomationExit(0|1)
//   - console lines prefixed "[tests] " (mirrored into the page console)
//   - JSON written to $HARNESS_RESULT (code-server is started with it set)
// HARNESS_FORCE_FAIL=1|exthost adds one failing test, to prove the layer can go red.
// E2E_GREP=<text> runs only the tests whose full title contains it.
'use strict';
const Mocha = require('mocha');
const util = require('util');
const fs = require('fs');
const path = require('path');

// Forwarded console arguments arrive unformatted: format them ourselves, one prefixed line each.
const out = (...a) => util.format(...a).split('\n').forEach(l => console.log('[tests] ' + l));
Mocha.reporters.Base.consoleLog = out;

function forceFail() {
  const v = process.env.HARNESS_FORCE_FAIL || '';
  return v === '1' || v === 'all' || v.split(',').includes('exthost');
}

exports.run = () => new Promise((ok, bad) => {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60000, color: false, reporter: 'spec' });
  if (process.env.E2E_GREP) mocha.grep(process.env.E2E_GREP);
  const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort();
  files.forEach(f => mocha.addFile(path.join(__dirname, f)));
  if (forceFail()) {
    const s = Mocha.Suite.create(mocha.suite, 'harness');
    s.addTest(new Mocha.Test('HARNESS_FORCE_FAIL makes this layer fail', () => {
      throw new Error('failing on purpose (HARNESS_FORCE_FAIL)');
    }));
  }
  const results = [];
  const t0 = Date.now();
  let runner;
  const finish = (failures, crash) => {
    const passed = results.filter(x => x.state === 'passed').length;
    const failed = Math.max(failures, results.filter(x => x.state === 'failed').length) + (crash ? 1 : 0);
    const summary = `${passed} passed, ${failed} failed`;
    out(summary);
    if (process.env.HARNESS_RESULT) {
      fs.writeFileSync(process.env.HARNESS_RESULT, JSON.stringify({
        passed, failed, failures: failed, files, results, summary,
        crash: crash ? String(crash && crash.stack || crash) : undefined, ms: Date.now() - t0,
      }, null, 2));
    }
    failed ? bad(new Error(summary)) : ok();
  };
  try {
    runner = mocha.run(failures => finish(failures));
  } catch (e) {
    out('runner crashed: ' + (e && e.stack || e));
    return finish(0, e);
  }
  runner.on('test end', t => results.push({
    title: t.fullTitle(), state: t.state || 'pending', ms: t.duration,
    err: t.err ? String(t.err.stack || t.err) : undefined,
  }));
  // Failures in hooks do not emit 'test end'.
  runner.on('fail', (t, err) => {
    if (t.type === 'hook') results.push({ title: t.fullTitle(), state: 'failed', err: String(err && err.stack || err) });
  });
});

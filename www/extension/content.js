// Content scripts are classic scripts: this loader only pulls in the module that does the work.
(function () {
  'use strict';
  var ext = globalThis.browser || globalThis.chrome;
  import(ext.runtime.getURL('extension/content-main.js')).then(
    function (m) { return m.start(); },
    function () { /* the page's frame went away while loading: nothing to do */ }
  );
})();

// Runs before the modules, as a classic script, because it must work where modules do not: a page opened from a
// file (file://) cannot load module scripts or WebAssembly, and the page would otherwise say "Loading…" forever.
// main.js removes the message once the decoder is ready; an error replaces it with what went wrong.
(function () {
  var boot = document.getElementById('boot');
  function fail(text) {
    if (!boot || boot.hidden) return;
    boot.textContent = text;
    boot.className = 'boot error';
    boot.setAttribute('role', 'alert');
  }
  // The single-file build (dist/jwtlens.html) carries everything inline and is made for file://.
  var single = document.querySelector('meta[name="jwtlens-build"][content="single-file"]');
  if (location.protocol === 'file:' && !single) {
    fail('This is the folder build opened from a file: browsers refuse to run its scripts and WebAssembly from file://. '
      + 'Open jwtlens.html (the single-file build, made for this) or serve the folder over HTTP, for example with npm start.');
    return;
  }
  // A script that fails to load (a missing file, a blocked request) fires an error event on its element.
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) {
      fail('A part of jwtlens could not be loaded (' + (t.src || t.href) + '). Reload the page; if it persists, the files on this server are incomplete.');
    }
  }, true);
  if (typeof WebAssembly !== 'object') fail('This browser has WebAssembly turned off; jwtlens needs it to decode tokens.');
})();

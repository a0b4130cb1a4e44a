// The page is a thin shell around <jwt-lens> (js/element/): a header with the theme switch, the element, a footer.
// The theme follows the system until the switch is used; the choice is not stored anywhere (no storage at all).
// `start` is called by the entry of each build (main.js for the folder, single.js for the single file): an import
// for its side effects alone would be dropped by the bundler, as the package declares its modules side-effect free.
import '../js/element/index.js';

export function start() {
  const lens = document.getElementById('lens');
  const boot = document.getElementById('boot');
  const themeButton = document.getElementById('theme');
  const system = matchMedia('(prefers-color-scheme: dark)');
  let chosen = null;

  function applyTheme() {
    const dark = chosen ? chosen === 'dark' : system.matches;
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    lens.setAttribute('theme', dark ? 'dark' : 'light');
    themeButton.setAttribute('aria-pressed', String(dark));
  }
  themeButton.addEventListener('click', () => {
    chosen = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    applyTheme();
  });
  system.addEventListener('change', applyTheme);
  applyTheme();

  lens.addEventListener('jwtlens-ready', () => {
    boot.hidden = true;
    document.body.dataset.ready = 'true';
  });
  lens.addEventListener('jwtlens-error', (e) => {
    boot.hidden = false;
    boot.textContent = e.detail.message;
    boot.className = 'boot error';
    boot.setAttribute('role', 'alert');
    document.body.dataset.ready = 'error';
  });
}

/**
 * The one script of report.html (plain ES2017, no framework; the page's Content-Security-Policy
 * admits it by its hash and nothing else). Without it the page is complete: every claim shown,
 * every evidence block open, the filter controls hidden. With it:
 * - evidence is collapsed, except for the claim the URL names (`report.html#eq10-c-one`);
 * - the verdict checkboxes and the search box (over id, location and statement) hide claims,
 *   and the section navigation and the "showing n of N" line count what is shown;
 * - the state lives in the URL hash — `#<id>&show=erratum,failed&q=appendix` — so a copied link
 *   shows what its sender saw;
 * - for printing, every evidence block is opened and a formula too wide for the page is scaled
 *   down (the `--fit` property the print stylesheet reads).
 */

/** Width (CSS px) a formula may take on a printed A4 or Letter page, and the printed formula font size. */
const PRINT_WIDTH_PX = 560;
const PRINT_FONT_PX = ((10 * 96) / 72) * 1.1;

export const PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var doc = document;
  var list = function (sel, from) { return Array.prototype.slice.call((from || doc).querySelectorAll(sel)); };
  var claims = list('article.claim');
  var sections = list('section.paper-section');
  var boxes = list('#_filters input[type=checkbox]');
  var search = doc.getElementById('_search');
  var shownOut = doc.getElementById('_shown');
  var controls = doc.getElementById('_controls');
  var details = list('details.evidence');
  var state = { target: '', show: null, q: '' };

  function decode(s) { try { return decodeURIComponent(s); } catch (e) { return s; } }

  function readHash() {
    var s = { target: '', show: null, q: '' };
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      if (part === '') return;
      var eq = part.indexOf('=');
      if (eq < 0) { s.target = decode(part); return; }
      var key = part.slice(0, eq), value = decode(part.slice(eq + 1));
      if (key === 'show') s.show = value === '' ? [] : value.split(',');
      else if (key === 'q') s.q = value;
    });
    return s;
  }

  function writeHash(push) {
    var parts = [];
    if (state.target) parts.push(encodeURIComponent(state.target));
    if (state.show !== null) parts.push('show=' + state.show.map(encodeURIComponent).join(','));
    if (state.q) parts.push('q=' + encodeURIComponent(state.q));
    var url = location.href.split('#')[0] + (parts.length ? '#' + parts.join('&') : '');
    if (url !== location.href) history[push ? 'pushState' : 'replaceState'](null, '', url);
  }

  function apply() {
    var words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    claims.forEach(function (c) {
      var text = c.getAttribute('data-search');
      var ok = (state.show === null || state.show.indexOf(c.getAttribute('data-verdict')) >= 0) &&
        words.every(function (w) { return text.indexOf(w) >= 0; });
      if (c.id === state.target) ok = true;
      c.hidden = !ok;
      if (ok) shown++;
    });
    sections.forEach(function (s) {
      var visible = list('article.claim:not([hidden])', s);
      s.hidden = visible.length === 0;
      var item = doc.querySelector('nav.toc li[data-section="' + s.id + '"]');
      if (!item) return;
      item.classList.toggle('none', visible.length === 0);
      list('.tally span', item).forEach(function (span) {
        var v = span.getAttribute('data-verdict');
        var n = visible.filter(function (c) { return c.getAttribute('data-verdict') === v; }).length;
        span.textContent = String(n);
        span.classList.toggle('zero', n === 0);
      });
    });
    shownOut.textContent = String(shown);
    boxes.forEach(function (b) { b.checked = state.show === null || state.show.indexOf(b.value) >= 0; });
    if (search.value !== state.q) search.value = state.q;
  }

  function openTarget(scroll) {
    list('.target').forEach(function (e) { e.classList.remove('target'); });
    if (!state.target) return;
    var el = doc.getElementById(state.target);
    if (!el) return;
    if (el.matches('article.claim')) {
      el.classList.add('target');
      var d = el.querySelector('details.evidence');
      if (d) d.open = true;
    }
    if (scroll) el.scrollIntoView();
  }

  function fit() {
    list('.math').forEach(function (m) {
      var k = m.querySelector('.katex');
      if (!k || k.getClientRects().length === 0) return;
      var size = parseFloat(getComputedStyle(k).fontSize);
      var widest = 0;
      list('.katex-html > .katex-base', k).forEach(function (b) { widest = Math.max(widest, b.getBoundingClientRect().width); });
      var f = Math.min(1, ${PRINT_WIDTH_PX} / ((widest / size) * ${PRINT_FONT_PX}));
      if (f < 1) m.style.setProperty('--fit', f.toFixed(3)); else m.style.removeProperty('--fit');
    });
  }

  fit();
  details.forEach(function (d) { d.open = false; });
  controls.hidden = false;
  state = readHash();
  apply();
  openTarget(true);
  if (doc.fonts) doc.fonts.ready.then(function () { fit(); openTarget(true); });

  function userChange() { state.target = ''; apply(); writeHash(false); }
  boxes.forEach(function (b) {
    b.addEventListener('change', function () {
      var on = boxes.filter(function (x) { return x.checked; }).map(function (x) { return x.value; });
      state.show = on.length === boxes.length ? null : on;
      userChange();
    });
  });
  search.addEventListener('input', function () { state.q = search.value; userChange(); });
  doc.getElementById('_reset').addEventListener('click', function () { state.show = null; state.q = ''; userChange(); });
  doc.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (!a) return;
    var id = decode(a.getAttribute('href').slice(1));
    if (!doc.getElementById(id)) return;
    e.preventDefault();
    state.target = id;
    apply();
    openTarget(true);
    writeHash(true);
  });
  window.addEventListener('popstate', function () { state = readHash(); apply(); openTarget(true); });
  window.addEventListener('hashchange', function () { state = readHash(); apply(); openTarget(true); });

  var closed = [];
  window.addEventListener('beforeprint', function () {
    closed = details.filter(function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () { closed.forEach(function (d) { d.open = false; }); closed = []; });
})();`;

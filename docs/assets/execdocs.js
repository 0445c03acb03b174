// Loaded by overrides/main.html just before the theme's bundle, on every page.

// The theme downloads the whole search index (every page's text, over 100 KB
// gzipped and growing with each chapter) as soon as any page loads. Hold that one
// request back until the reader reaches for search: a click or focus on the search
// box, or one of the theme's search keys (f, s, /). The theme shows "Initializing
// search" for the moment it takes. Runs before the theme's bundle sends the request.
(() => {
  let release
  const wanted = new Promise(resolve => { release = resolve })
  const open = XMLHttpRequest.prototype.open
  const send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.xdSearchIndex = new URL(url, location.href).pathname.endsWith("/search/search_index.json")
    return open.call(this, method, url, ...rest)
  }
  XMLHttpRequest.prototype.send = function (...args) {
    if (!this.xdSearchIndex) return send.apply(this, args)
    wanted.then(() => send.apply(this, args))
  }
  addEventListener("focusin", event => {
    if (event.target.closest?.(".md-search")) release()
  })
  addEventListener("click", event => {
    if (event.target.closest?.('.md-search, label[for="__search"]')) release()
  })
  addEventListener("keydown", event => {
    if (["f", "s", "/"].includes(event.key.toLowerCase())) release()
  })
})();

// The theme wraps each code block's copy button in an unnamed <nav>, so a page
// with several code blocks has several identical navigation landmarks (axe:
// landmark-unique). A button bar is not navigation: take the landmark role away
// (the buttons keep their own names).
(() => {
  const relabel = () => {
    for (const bar of document.querySelectorAll("nav.md-code__nav:not([role])")) {
      bar.setAttribute("role", "none")
    }
  }
  relabel()
  new MutationObserver(relabel).observe(document.body, { childList: true, subtree: true })
})();

// The drawer and the search open when a hidden checkbox (#__drawer, #__search) is
// checked. The theme marks them autocomplete="off" so that a browser does not
// restore them checked; HTML allows that attribute only on text fields, so the build
// removes it (execdocs/theme_fixes.py) and this closes both panels instead when the
// reader comes back to a page: after the browser restored its form on back, forward
// or reload, or when it returns from the back/forward cache as it was left (drawer
// open, from following one of its links).
(() => {
  const close = notify => {
    for (const id of ["__drawer", "__search"]) {
      const toggle = document.getElementById(id)
      if (toggle?.checked) {
        toggle.checked = false
        if (notify) toggle.dispatchEvent(new Event("change"))
      }
    }
  }
  // A page the reader comes back to: Chromium restores form state once the page is
  // parsed, after this script; the back/forward cache shows the page as it was left.
  const returned = () =>
    ["back_forward", "reload"].includes(performance.getEntriesByType("navigation")[0]?.type)
  addEventListener("DOMContentLoaded", () => { if (returned()) close(true) })
  addEventListener("pageshow", event => { if (event.persisted || returned()) close(true) })
})();

// museum-qa's page helpers for assistive technology, installed once per browser tab by
// ui/a11y.py. Streamlit redraws pages from the server and cannot give an element a role,
// move focus or speak; the Python side renders inert markers (hidden elements with data
// attributes) and this script acts on them as they appear, so no visitor text is ever
// executed and a rerun that redraws a marker does not repeat its effect.
(function () {
  "use strict";
  const doc = window.document;
  if (window.__museumQa) return;
  window.__museumQa = true;
  const done = new Set(); // markers acted on, by id: an announcement is made once

  // One polite live region outside Streamlit's React tree, so redraws never replace it and
  // its text changes only when we say something.
  const live = doc.createElement("div");
  live.id = "mqa-live";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  live.setAttribute("aria-atomic", "true");
  live.className = "visually-hidden";
  doc.body.appendChild(live);

  function announce(text) {
    // Emptied first, then filled: screen readers announce a change, even to the same words.
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 100);
  }

  function focusTarget(selector) {
    const target = doc.querySelector(selector);
    if (!target) return false;
    if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: false });
    return doc.activeElement === target;
  }

  function pageLanguage() {
    // The UI language the server chose (ui/a11y.py); Streamlit's page always says "en".
    const page = doc.querySelector("[data-mqa-page]");
    if (!page) return;
    if (doc.documentElement.lang !== page.dataset.mqaLang) doc.documentElement.lang = page.dataset.mqaLang;
    if (doc.documentElement.dir !== page.dataset.mqaDir) doc.documentElement.dir = page.dataset.mqaDir;
  }

  function landmarks() {
    // The page links (ui/navigation.py) as a navigation landmark.
    // Its name follows the page's language, which a visitor may change.
    const nav = doc.querySelector(".st-key-site_nav");
    if (nav) {
      const label = doc.querySelector("[data-mqa-page]")?.dataset.mqaNavLabel || "Pages";
      if (nav.getAttribute("role") !== "navigation") nav.setAttribute("role", "navigation");
      if (nav.getAttribute("aria-label") !== label) nav.setAttribute("aria-label", label);
      // Which link is this page (Streamlit styles it, but does not say so to screen readers).
      const here = window.location.pathname.replace(/\/$/, "");
      nav.querySelectorAll("a").forEach(function (link) {
        const path = new URL(link.getAttribute("href") || ".", window.location.href).pathname.replace(/\/$/, "");
        if (path === here) link.setAttribute("aria-current", "page");
        else link.removeAttribute("aria-current");
      });
    }
  }

  function act(marker) {
    const id = marker.dataset.mqaId;
    if (!id || done.has(id)) return;
    if (marker.dataset.mqaAnnounce !== undefined) {
      done.add(id);
      announce(marker.dataset.mqaAnnounce);
    }
    if (marker.dataset.mqaFocus) {
      // Only when focus was lost (the control that had it is gone) or the marker insists:
      // never pull a visitor away from where they are typing.
      const lost = !doc.activeElement || doc.activeElement === doc.body;
      if (lost || marker.dataset.mqaForce !== undefined) {
        // The target may be drawn a moment after its marker; try for up to two seconds.
        let tries = 0;
        const attempt = function () {
          if (focusTarget(marker.dataset.mqaFocus) || ++tries > 20) return;
          window.setTimeout(attempt, 100);
        };
        done.add(id);
        attempt();
      }
    }
  }

  function tabStops() {
    // Streamlit's scroll container takes a Tab of its own, though the skip link already
    // leads there: it stays focusable for that link, out of the Tab order.
    const main = doc.getElementById("stMain");
    if (main && main.getAttribute("tabindex") === "0") main.setAttribute("tabindex", "-1");
    // A heading's "link to heading" anchor shows only under a mouse, yet takes a Tab.
    doc.querySelectorAll('[data-testid="stHeaderActionElements"] a:not([tabindex])').forEach(
      function (link) { link.setAttribute("tabindex", "-1"); });
  }

  function scan() {
    pageLanguage();
    landmarks();
    tabStops();
    doc.querySelectorAll("[data-mqa-id]").forEach(act);
  }

  // Read aloud with the browser's own speech synthesis (no server, no network).
  let speaking = null;
  function speak(button) {
    const synth = window.speechSynthesis;
    if (button.getAttribute("aria-pressed") === "true") {
      synth.cancel();
      return;
    }
    const text = button.dataset.mqaSpeak || "";
    const utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = button.dataset.mqaLang || doc.documentElement.lang || "en";
    const reset = function () {
      if (speaking === utterance) speaking = null;
      button.setAttribute("aria-pressed", "false");
      button.querySelector(".mqa-speak-label").textContent = button.dataset.mqaStart;
    };
    utterance.onend = reset;
    utterance.onerror = reset;
    // Held while it speaks: Chrome may collect an utterance nothing refers to, and then its
    // end event never comes and the button would stay "Stop reading".
    speaking = utterance;
    synth.cancel();
    button.setAttribute("aria-pressed", "true");
    button.querySelector(".mqa-speak-label").textContent = button.dataset.mqaStop;
    synth.speak(utterance);
  }

  // An in-page link moves focus to where it leads, so the next Tab continues from there
  // (Streamlit scrolls its own container, and the browser's focus would stay on the link).
  // Streamlit's skip link leads to its main block, which starts with the page links: it
  // should skip them, so it goes to the page's heading.
  function followInPageLink(event, link) {
    const id = decodeURIComponent(link.getAttribute("href").slice(1));
    event.preventDefault();
    // The part may still be drawing (a rerun): try for up to two seconds.
    let tries = 0;
    const attempt = function () {
      const target = id === "stMain" ? doc.querySelector("#stMain h1") : doc.getElementById(id);
      if (!target) {
        if (++tries <= 20) window.setTimeout(attempt, 100);
        return;
      }
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "start" });
    };
    attempt();
  }

  doc.addEventListener("click", function (event) {
    if (!event.target.closest) return;
    const button = event.target.closest("button[data-mqa-speak]");
    if (button) speak(button);
    const link = event.target.closest('a[href^="#"]');
    if (link && link.getAttribute("href").length > 1) followInPageLink(event, link);
  });
  // Speech synthesis missing (some browsers, some kiosks): no button that cannot work.
  if (!("speechSynthesis" in window)) {
    const style = doc.createElement("style");
    style.textContent = "button[data-mqa-speak] { display: none !important; }";
    doc.head.appendChild(style);
  }

  // Streamlit redraws often (each streamed sentence): scan once per frame, not per change.
  let queued = false;
  new MutationObserver(function () {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(function () { queued = false; scan(); });
  }).observe(doc.body, { childList: true, subtree: true });
  scan();
})();

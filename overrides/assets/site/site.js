/* The reading site's own script: copy controls, and Chinese input in search.
   No network access, no dependencies. */
(function () {
  "use strict";

  /* Copy-link and cite controls on paragraph pages. */
  function copyText(text, field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      field.focus();
      field.select();
      (document.execCommand && document.execCommand("copy")) ? resolve() : reject(new Error("copy"));
    });
  }

  function setupCopy(tools) {
    var status = tools.querySelector(".para-tools__status");
    tools.querySelectorAll("button[data-copy]").forEach(function (button) {
      var field = tools.querySelector('[data-copy-source="' + button.dataset.copy + '"]');
      if (!field) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        copyText(field.value, field).then(function () {
          status.textContent = button.dataset.done;
        }, function () {
          var details = field.closest("details");
          if (details) details.open = true;
          field.focus();
          field.select();
          status.textContent = status.dataset.failed;
        });
      });
    });
  }

  /* A build that knows no site address (generator/site_address.py) gives
     the permalink and the citation none, and hides the controls: fill in
     the address the reader is at, then show them. */
  function fillAddress(tools) {
    if (!tools.hasAttribute("data-here")) return;
    var here = location.href.split("#")[0];
    var link = tools.querySelector('[data-copy-source="link"]');
    var citation = tools.querySelector('[data-copy-source="citation"]');
    var print = tools.querySelector(".para-tools__print");
    if (link) link.value = here;
    if (citation) {
      var after = citation.dataset.after || "";
      var text = citation.value;
      citation.value = text.slice(0, text.length - after.length) + here + after;
    }
    if (print) print.textContent = here;
    tools.hidden = false;
  }

  /* The theme runs a search on `keyup` only.  An input method commits
     Chinese text with `compositionend`/`input` and may send no keyup
     (candidate picked by tap or click), so the query never ran; and the
     keyups sent while composing would search for the pinyin.  Hold back
     keyups during composition and announce each committed change. */
  function setupSearchInput(input) {
    function announce() {
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
    input.addEventListener("compositionend", announce);
    input.addEventListener("input", function (ev) {
      if (!ev.isComposing) announce();
    });
    document.addEventListener("keyup", function (ev) {
      if (ev.target === input && ev.isComposing) ev.stopPropagation();
    }, true);
  }

  /* The theme's drawer and search toggles carried autocomplete="off" so
     that Firefox would not restore them checked (menu or search left open)
     on reload.  HTML does not allow that attribute on checkboxes, and the
     build drops it (generator/mkdocs_hook.py): close any toggle that the
     browser restored, and tell the theme. */
  function closeRestoredToggles() {
    document.querySelectorAll("input.md-toggle[data-md-toggle]").forEach(function (toggle) {
      if (toggle.checked) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
      }
    });
  }

  /* A table wider than a phone's screen scrolls sideways inside the wrapper
     that the theme puts around it once the page is ready (its `document$`);
     keyboard users can scroll it only if the wrapper takes focus. */
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.setAttribute("tabindex", "0");
      } else {
        wrap.removeAttribute("tabindex");
      }
    });
  }

  closeRestoredToggles();
  if (window.document$) {
    window.document$.subscribe(focusableScrollers);
  } else {
    focusableScrollers();
  }
  window.addEventListener("resize", focusableScrollers);
  document.querySelectorAll(".para-tools").forEach(function (tools) {
    fillAddress(tools);
    setupCopy(tools);
  });
  var query = document.querySelector("[data-md-component=search-query]");
  if (query) setupSearchInput(query);
})();

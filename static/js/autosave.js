/* Autosave, done by htmx through the attributes of each question's block (_question.html): it
 * posts the question's fields with the revision they started from (the hidden "base-<code>"
 * field) a second after typing stops, and at once on a choice or on leaving a field; one save at
 * a time for the whole form (hx-sync), so none is dropped and each sees the revisions before it.
 * The answer is swapped in beside the question: "Saved at HH:MM" with the new revision and the
 * progress out of band (200), someone else's value to choose from (409), the message (422) or
 * "submitted" (423). The server names the outcome in an HX-Trigger header (autosave:saved,
 * autosave:conflict, autosave:invalid, autosave:locked).
 *
 * This script only adds:
 * - a save without such an answer (network, time-out, 5xx, a log-in page) is shown ("Not saved —
 *   retrying") and sent again with backoff until the server takes it;
 * - the status line, and a question before leaving the page while a change is not saved;
 * - the field's invalid state, and "keep mine" (save again from their revision).
 * Without this script the form still saves with its Save button.
 */
(function () {
  "use strict";

  var RETRY_DELAYS = [2000, 4000, 8000, 15000, 30000, 60000];
  var BLOCK = "[data-question][data-autosave-url]";

  var form, statusLine, texts;
  var states = {};
  var lastSavedAt = "";
  var submitting = false;

  function state(code) {
    // changes made, sent with the last save, and acknowledged; the outcome the server named.
    if (!states[code]) {
      states[code] = {
        changes: 0, sent: 0, saved: 0, outcome: "", problem: "", failures: 0, retry: null,
      };
    }
    return states[code];
  }

  function blockOf(element) {
    return element && element.closest ? element.closest(BLOCK) : null;
  }

  function blockFor(code) {
    return form.querySelector('[data-question="' + CSS.escape(code) + '"][data-autosave-url]');
  }

  function some(test) {
    return Object.keys(states).some(function (code) { return test(states[code]); });
  }

  function unsaved(s) {
    return s.changes > s.saved;
  }

  function render() {
    var text = texts.initial;
    var kind = "";
    if (some(function (s) { return s.problem === "retrying" || s.problem === "signedOut"; })) {
      kind = "error";
      text = some(function (s) { return s.problem === "signedOut"; }) ? texts.signedOut
        : texts.retrying;
    } else if (some(function (s) { return s.problem === "locked"; })) {
      kind = "error";
      text = texts.notSaved;
    } else if (some(function (s) { return s.problem; })) {
      kind = "warning";
      var codes = Object.keys(states).filter(function (code) { return states[code].problem; });
      text = texts.attention.replace("%(codes)s", codes.join(", "));
    } else if (some(unsaved)) {
      kind = "saving";
      text = texts.saving;
    } else if (lastSavedAt) {
      kind = "saved";
      text = texts.saved.replace("%(time)s", lastSavedAt);
    }
    if (statusLine.textContent !== text) statusLine.textContent = text;
    statusLine.dataset.state = kind;
  }

  function fields(block) {
    return Array.prototype.filter.call(
      block.querySelectorAll("input, textarea, select"),
      function (input) { return input.name && !input.disabled && input.type !== "hidden"; }
    );
  }

  function describedBy(input, id, add) {
    var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (token) {
      return token && token !== id;
    });
    if (add) ids.push(id);
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  function markInvalid(block, errorId) {
    fields(block).forEach(function (input) {
      input.setAttribute("aria-invalid", "true");
      input.classList.add("is-invalid");
      if (errorId) describedBy(input, errorId, true);
    });
  }

  function clearInvalid(block) {
    fields(block).forEach(function (input) {
      input.removeAttribute("aria-invalid");
      input.classList.remove("is-invalid");
      (input.getAttribute("aria-describedby") || "").split(/\s+/).forEach(function (token) {
        if (/_error$/.test(token)) describedBy(input, token, false);
      });
    });
    // Messages the page was rendered with (after a plain POST) go with the next answer.
    block.querySelectorAll(".invalid-feedback").forEach(function (box) {
      if (!box.closest(".answer-feedback")) box.remove();
    });
  }

  /* The server answered a save (HX-Trigger): remember how, before htmx swaps the answer in. */
  function answered(evt) {
    var block = blockFor(evt.detail.code);
    if (!block) return;
    var s = state(evt.detail.code);
    s.outcome = evt.type.replace("autosave:", "");
    s.problem = s.outcome === "saved" ? "" : s.outcome;
    clearInvalid(block);
    if (s.outcome === "saved") {
      s.saved = s.sent;
      lastSavedAt = evt.detail.time;
    } else if (s.outcome === "invalid") {
      markInvalid(block, evt.detail.errorId);
    }
  }

  function resend(code) {
    var block = blockFor(code);
    if (block) htmx.trigger(block, "autosave");
  }

  function afterSave(evt, block) {
    var code = block.dataset.question;
    var s = state(code);
    clearTimeout(s.retry);
    s.retry = null;
    if (s.outcome) {
      s.failures = 0;
    } else {
      // The network, a time-out, the server, or a log-in page instead of an answer: try again.
      var status = evt.detail.xhr ? evt.detail.xhr.status : 0;
      s.failures += 1;
      s.problem = status === 401 || status === 403 || status === 200 ? "signedOut" : "retrying";
      var message = document.createElement("p");
      message.className = "answer-retrying mb-0";
      message.textContent = s.problem === "signedOut" ? texts.signedOut : texts.retrying;
      block.querySelector(".answer-feedback").replaceChildren(message);
      s.retry = setTimeout(function () {
        s.retry = null;
        resend(code);
      }, RETRY_DELAYS[Math.min(s.failures, RETRY_DELAYS.length) - 1]);
    }
    render();
  }

  function retryNow() {
    Object.keys(states).forEach(function (code) {
      if (!states[code].retry) return;
      clearTimeout(states[code].retry);
      states[code].retry = null;
      resend(code);
    });
  }

  function afterTakeTheirs(evt, button) {
    var xhr = evt.detail.xhr;
    if (!xhr || xhr.status !== 200) return;
    var s = state(button.dataset.code);
    s.problem = "";
    s.saved = s.changes;
    // The answer changed under relevance.js: let it show and hide what depends on it.
    form.dispatchEvent(new Event("change"));
    render();
  }

  function keepMine(evt) {
    var button = evt.target.closest("[data-keep-mine]");
    var block = blockOf(button);
    if (!block) return;
    evt.preventDefault();
    block.querySelector('input[type="hidden"][name^="base-"]').value = button.dataset.revision;
    var s = state(block.dataset.question);
    s.problem = "";
    s.changes += 1;
    htmx.trigger(block, "autosave");
    render();
  }

  function requester(evt) {
    // htmx names the element it fires on, a parent when the one that asked is gone.
    return (evt.detail.requestConfig || {}).elt || evt.detail.elt;
  }

  function isSave(element) {
    return Boolean(element.matches && element.matches(BLOCK));
  }

  function start() {
    form = document.querySelector("form[data-autosave]");
    if (!form || !window.htmx) return;
    statusLine = form.querySelector("[data-autosave-status]");
    texts = {
      initial: statusLine.textContent,
      saving: form.dataset.textSaving,
      saved: form.dataset.textSaved,
      retrying: form.dataset.textRetrying,
      notSaved: form.dataset.textNotSaved,
      attention: form.dataset.textAttention,
      signedOut: form.dataset.textSignedOut,
      leave: form.dataset.textLeave,
    };
    statusLine.hidden = false;
    // The server's refusals are answers to show beside the question, not errors.
    htmx.config.responseHandling.unshift({ code: "^(400|409|422|423)$", swap: true, error: false });

    // Counted before htmx sees the event (capture), so a save sent at once includes it.
    function changed(evt) {
      var block = blockOf(evt.target);
      if (!block) return;
      state(block.dataset.question).changes += 1;
      render();
    }
    form.addEventListener("input", changed, true);
    form.addEventListener("change", changed, true);
    form.addEventListener("click", keepMine);
    form.addEventListener("submit", function () { submitting = true; });
    ["saved", "conflict", "invalid", "locked"].forEach(function (outcome) {
      document.body.addEventListener("autosave:" + outcome, answered);
    });
    document.body.addEventListener("htmx:beforeRequest", function (evt) {
      var element = requester(evt);
      if (!isSave(element)) return;
      var s = state(element.dataset.question);
      s.sent = s.changes;
      s.outcome = "";
    });
    document.body.addEventListener("htmx:beforeSwap", function (evt) {
      var element = requester(evt);
      // A 200 that names no outcome is not an answer of the autosave view (a log-in page).
      if (isSave(element) && !state(element.dataset.question).outcome) {
        evt.detail.shouldSwap = false;
      }
    });
    document.body.addEventListener("htmx:afterRequest", function (evt) {
      var element = requester(evt);
      if (isSave(element)) {
        afterSave(evt, element);
      } else if (element.matches && element.matches("[data-take-theirs]")) {
        afterTakeTheirs(evt, element);
      }
    });
    // A block swapped in ("take theirs") listens for typing only once htmx has settled it: a
    // change typed in between would be counted here but never sent. Send it now.
    htmx.onLoad(function (element) {
      if (!isSave(element)) return;
      var s = state(element.dataset.question);
      if (unsaved(s) && !s.retry) htmx.trigger(element, "autosave");
    });
    window.addEventListener("online", retryNow);
    window.addEventListener("beforeunload", function (evt) {
      if (submitting || !some(unsaved)) return undefined;
      evt.preventDefault();
      evt.returnValue = texts.leave;
      return texts.leave;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

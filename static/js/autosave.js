/* Autosave: every change to an answer is posted to the server within seconds, one question at a
 * time, through htmx (each question block carries hx-post, hx-params and hx-target; this script
 * decides when to fire its "autosave" event and what to do with the answer).
 *
 * - Typing is debounced (one second); a choice is saved at once; leaving a field saves it.
 * - Only one request per question is in flight; a change made meanwhile is sent after it, with
 *   the revision the server just returned (the hidden "base-<code>" field, swapped out of band).
 * - 200 "Saved at HH:MM"; 409 someone else saved the answer (their value, keep mine / take
 *   theirs); 422 the value is refused (the message beside the field); 423 the reply is submitted.
 * - A network failure, a time-out or a 5xx is shown ("Not saved — retrying") and retried with
 *   backoff until the server takes it; nothing is dropped silently, and leaving the page while a
 *   change is not saved asks first.
 * Without this script the form still saves with its Save button.
 */
(function () {
  "use strict";

  var TYPING_DELAY = 1000;
  var RETRY_DELAYS = [2000, 4000, 8000, 15000, 30000, 60000];
  var BLOCK = "[data-question][data-autosave-url]";

  var form, statusLine, texts;
  var states = {};
  var lastSavedAt = "";
  var inFlight = null;  // the code of the question being saved
  var waiting = [];  // codes changed meanwhile, in order
  var started = false;
  var submitting = false;

  function state(code) {
    if (!states[code]) {
      states[code] = {
        timer: null, retryTimer: null, inFlight: false, dirty: false, force: false,
        failures: 0, problem: "", acknowledged: null, sending: null, signedOut: false,
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

  function fields(block) {
    return Array.prototype.filter.call(
      block.querySelectorAll("input, textarea, select"),
      function (input) {
        return input.name && !input.disabled && input.type !== "hidden";
      }
    );
  }

  /* What this question would send, revision aside: to skip saves that change nothing. */
  function snapshot(block) {
    return fields(block)
      .filter(function (input) {
        return !((input.type === "radio" || input.type === "checkbox") && !input.checked);
      })
      .map(function (input) { return input.name + "=" + input.value; })
      .join("&");
  }

  function schedule(block, delay) {
    var code = block.dataset.question;
    var s = state(code);
    clearTimeout(s.timer);
    s.timer = setTimeout(function () {
      s.timer = null;
      send(code);
    }, delay);
    render();
  }

  function send(code) {
    var block = blockFor(code);
    var s = state(code);
    if (!block) return;
    if (inFlight) {
      // One save at a time: each answer then carries the progress of every save before it.
      s.dirty = true;
      if (waiting.indexOf(code) === -1) waiting.push(code);
      render();
      return;
    }
    var current = snapshot(block);
    var refusedAgain = (s.problem === "invalid" || s.problem === "conflict") && current === s.sending;
    if (!s.force && ((current === s.acknowledged && !s.problem) || refusedAgain)) {
      render();
      return;
    }
    s.force = false;
    s.dirty = false;
    s.sending = current;
    s.inFlight = true;
    inFlight = code;
    started = false;
    render();
    htmx.trigger(block, "autosave");
    if (!started) {
      // htmx did not send it (it should have): count it as a failed save, to be retried.
      s.inFlight = false;
      inFlight = null;
      s.failures += 1;
      s.problem = "retrying";
      scheduleRetry(code);
      render();
    }
  }

  function feedback(block) {
    return block.querySelector(".answer-feedback");
  }

  function errorId(block) {
    var box = feedback(block).querySelector(".answer-invalid");
    return box ? box.id : "";
  }

  function describedBy(input, id, add) {
    var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (token) {
      return token && token !== id;
    });
    if (add) ids.push(id);
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  function markInvalid(block) {
    var id = errorId(block);
    fields(block).forEach(function (input) {
      input.setAttribute("aria-invalid", "true");
      input.classList.add("is-invalid");
      if (id) describedBy(input, id, true);
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
    // Messages the page was rendered with (after a plain POST) go once the answer is saved.
    block.querySelectorAll(".invalid-feedback").forEach(function (box) {
      if (!box.closest(".answer-feedback")) box.remove();
    });
  }

  function showRetrying(block, signedOut) {
    var box = feedback(block);
    var message = document.createElement("p");
    message.className = "answer-retrying mb-0";
    message.textContent = signedOut ? texts.signedOut : texts.retrying;
    box.replaceChildren(message);
  }

  function scheduleRetry(code) {
    var s = state(code);
    clearTimeout(s.retryTimer);
    var delay = RETRY_DELAYS[Math.min(s.failures - 1, RETRY_DELAYS.length - 1)];
    s.retryTimer = setTimeout(function () {
      s.retryTimer = null;
      s.force = true;
      send(code);
    }, delay);
  }

  function retryNow() {
    Object.keys(states).forEach(function (code) {
      var s = states[code];
      if (s.retryTimer) {
        clearTimeout(s.retryTimer);
        s.retryTimer = null;
        s.force = true;
        send(code);
      }
    });
  }

  function some(test) {
    return Object.keys(states).some(function (code) { return test(states[code]); });
  }

  function render() {
    var text = "";
    var kind = "";
    if (some(function (s) { return s.problem === "retrying"; })) {
      kind = "error";
      text = some(function (s) { return s.signedOut; }) ? texts.signedOut : texts.retrying;
    } else if (some(function (s) { return s.problem === "locked"; })) {
      kind = "error";
      text = texts.notSaved;
    } else if (some(function (s) { return s.problem; })) {
      kind = "warning";
      var codes = Object.keys(states).filter(function (code) { return states[code].problem; });
      text = texts.attention.replace("%(codes)s", codes.join(", "));
    } else if (inFlight || waiting.length || some(function (s) { return s.timer; })) {
      kind = "saving";
      text = texts.saving;
    } else if (lastSavedAt) {
      kind = "saved";
      text = texts.saved.replace("%(time)s", lastSavedAt);
    } else {
      text = texts.initial;
    }
    if (statusLine.textContent !== text) statusLine.textContent = text;
    statusLine.dataset.state = kind;
  }

  function afterSave(evt, block) {
    var code = block.dataset.question;
    var s = state(code);
    var xhr = evt.detail.xhr;
    var status = xhr ? xhr.status : 0;
    var body = xhr && status ? xhr.responseText || "" : "";
    s.inFlight = false;
    if (inFlight === code) inFlight = null;
    block = blockFor(code) || block;
    if (status === 200 && body.indexOf('data-autosave-result="saved"') !== -1) {
      s.failures = 0;
      s.problem = "";
      s.signedOut = false;
      s.acknowledged = s.sending;
      var time = /data-saved-at="([^"]*)"/.exec(body);
      if (time) lastSavedAt = time[1];
      clearInvalid(block);
    } else if (status === 409) {
      s.failures = 0;
      s.problem = "conflict";
      s.acknowledged = null;
      clearInvalid(block);
    } else if (status === 422 || status === 400) {
      s.failures = 0;
      s.problem = "invalid";
      s.acknowledged = null;
      markInvalid(block);
    } else if (status === 423) {
      s.problem = "locked";
    } else {
      // The network, a time-out, the server, or a log-in page instead of an answer: try again.
      s.failures += 1;
      s.problem = "retrying";
      s.signedOut = status === 401 || status === 403 || status === 200;
      showRetrying(block, s.signedOut);
      scheduleRetry(code);
    }
    if (s.dirty && !s.retryTimer && waiting.indexOf(code) === -1) waiting.unshift(code);
    sendNext();
    render();
  }

  function sendNext() {
    while (!inFlight && waiting.length) {
      var code = waiting.shift();
      var s = state(code);
      if (s.retryTimer) continue;  // its retry will send it
      s.dirty = false;
      send(code);
    }
  }

  function afterTakeTheirs(evt, button) {
    var code = button.dataset.code;
    var xhr = evt.detail.xhr;
    if (!code || !xhr || xhr.status !== 200) return;
    var block = blockFor(code);
    var s = state(code);
    s.problem = "";
    s.acknowledged = block ? snapshot(block) : null;
    // The answer changed under relevance.js: let it show and hide what depends on it.
    form.dispatchEvent(new Event("change"));
    render();
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
    form.querySelectorAll(BLOCK).forEach(function (block) {
      state(block.dataset.question).acknowledged = snapshot(block);
    });

    form.addEventListener("input", function (evt) {
      var block = blockOf(evt.target);
      if (!block) return;
      var type = evt.target.type;
      var immediate = type === "radio" || type === "checkbox" || evt.target.tagName === "SELECT";
      schedule(block, immediate ? 0 : TYPING_DELAY);
    });
    form.addEventListener("change", function (evt) {
      var block = blockOf(evt.target);
      if (block) schedule(block, 0);
    });
    form.addEventListener("click", function (evt) {
      var button = evt.target.closest("[data-keep-mine]");
      var block = blockOf(button);
      if (!button || !block) return;
      evt.preventDefault();
      var base = block.querySelector('input[type="hidden"][name^="base-"]');
      base.value = button.dataset.revision;
      var s = state(block.dataset.question);
      s.force = true;
      s.problem = "";
      send(block.dataset.question);
    });
    form.addEventListener("submit", function () { submitting = true; });

    document.body.addEventListener("htmx:beforeSwap", function (evt) {
      var status = evt.detail.xhr.status;
      var config = evt.detail.requestConfig || {};
      var source = config.elt || evt.detail.elt;
      var isSave = config.verb === "post" && source.matches && source.matches(BLOCK);
      if (!isSave) return;
      if (status === 409 || status === 422 || status === 423 || status === 400) {
        evt.detail.shouldSwap = true;
        evt.detail.isError = false;
        if (status !== 409) clearInvalid(source);
      } else if (status === 200 &&
                 evt.detail.serverResponse.indexOf('data-autosave-result="saved"') === -1) {
        evt.detail.shouldSwap = false;  // not an answer from the autosave view
      }
    });
    document.body.addEventListener("htmx:beforeRequest", function (evt) {
      var elt = (evt.detail.requestConfig || {}).elt || evt.detail.elt;
      if (elt.matches && elt.matches(BLOCK)) started = true;
    });
    document.body.addEventListener("htmx:afterRequest", function (evt) {
      // The element that asked (htmx names the one it fires on, a parent when that one is gone).
      var elt = (evt.detail.requestConfig || {}).elt || evt.detail.elt;
      if (elt.matches && elt.matches(BLOCK)) afterSave(evt, elt);
      else if (elt.hasAttribute && elt.hasAttribute("data-take-theirs")) afterTakeTheirs(evt, elt);
    });
    window.addEventListener("online", retryNow);
    window.addEventListener("beforeunload", function (evt) {
      if (submitting) return undefined;
      if (inFlight || waiting.length || some(function (s) { return s.timer || s.problem; })) {
        evt.preventDefault();
        evt.returnValue = texts.leave;
        return texts.leave;
      }
      return undefined;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

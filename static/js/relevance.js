/* Relevance conditions in the browser: show a question only when an earlier answer has a value.
 *
 * Each question block carries data-question="A.2.1" and, when it has a condition,
 * data-relevant-question="A.2", data-relevant-operator ("=", "!=" or "selected") and
 * data-relevant-value (">", ">=", "<" and "<=" compare a number answer with a number); several conditions over that question carry data-relevant-join ("any" for
 * XLSForm's `or`, "all" for `and`) and data-relevant-parts, a JSON list of [operator, value].
 * The answer to a question is read from the inputs named "answer-<code>".
 * The rules are those of surveys/conditions.py (the server evaluates them the same way):
 * "=" and "!=" compare as text, or as numbers when both sides are numbers; an unanswered or
 * hidden question counts as the empty answer; "selected" looks in a multiple-choice answer; a
 * comparison holds only when both sides are numbers (an unanswered question never satisfies it).
 * Hiding a question never clears what was typed in it.
 */
(function () {
  "use strict";

  var NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

  function same(answer, value) {
    var left = String(answer == null ? "" : answer).trim();
    var right = String(value).trim();
    if (NUMBER.test(left) && NUMBER.test(right)) {
      return Number(left) === Number(right);
    }
    return left === right;
  }

  function compares(operator, answer, value) {
    var left = String(answer == null ? "" : answer).trim();
    var right = String(value).trim();
    if (!NUMBER.test(left) || !NUMBER.test(right)) return false;
    var a = Number(left);
    var b = Number(right);
    if (operator === ">") return a > b;
    if (operator === ">=") return a >= b;
    if (operator === "<") return a < b;
    return a <= b;
  }

  function holds(operator, answer, value) {
    if (operator === "=") return same(answer, value);
    if (operator === "!=") return !same(answer, value);
    if (operator === "selected") return Array.isArray(answer) && answer.indexOf(value) !== -1;
    if (operator === ">" || operator === ">=" || operator === "<" || operator === "<=") {
      return !Array.isArray(answer) && compares(operator, answer, value);
    }
    return true;
  }

  function shownFor(block, answer) {
    var data = block.dataset;
    if (!data.relevantParts) return holds(data.relevantOperator, answer, data.relevantValue);
    var parts;
    try {
      parts = JSON.parse(data.relevantParts);
    } catch (error) {
      return true;
    }
    var test = function (part) { return holds(part[0], answer, part[1]); };
    return data.relevantJoin === "any" ? parts.some(test) : parts.every(test);
  }

  function answerOf(block) {
    var inputs = block.querySelectorAll('[name="answer-' + block.dataset.question + '"]');
    if (!inputs.length) return "";
    var first = inputs[0];
    if (first.type === "checkbox") {
      return Array.prototype.filter.call(inputs, function (input) { return input.checked; })
        .map(function (input) { return input.value; });
    }
    if (first.type === "radio") {
      var checked = Array.prototype.find.call(inputs, function (input) { return input.checked; });
      return checked ? checked.value : "";
    }
    return first.value;
  }

  function update(root) {
    // In questionnaire order, so that a question hidden above counts as unanswered below.
    var answers = {};
    root.querySelectorAll("[data-question]").forEach(function (block) {
      var target = block.dataset.relevantQuestion;
      var shown = true;
      if (target) {
        var answer = Object.prototype.hasOwnProperty.call(answers, target) ? answers[target] : "";
        shown = shownFor(block, answer);
      }
      block.hidden = !shown;
      answers[block.dataset.question] = shown ? answerOf(block) : "";
    });
    // "Other, please specify": the box for the details shows once "other" is chosen.
    root.querySelectorAll("[data-other-of]").forEach(function (box) {
      var other = document.getElementById(box.dataset.otherOf);
      box.hidden = !(other && other.checked);
    });
  }

  function start() {
    document.querySelectorAll("[data-relevance-root]").forEach(function (root) {
      update(root);
      root.addEventListener("input", function () { update(root); });
      root.addEventListener("change", function () { update(root); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// The review tool's only script: keyboard shortcuts, live SLA countdowns, and the queue's auto-refresh.
// Pages work without it (every action is a plain form).
(function () {
  'use strict';
  var typing = function (el) { return el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName); };

  // j/k select a queue row, Enter/o opens it.
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.queue-row'));
  var at = -1;
  function select(i) {
    if (rows.length === 0) return;
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, n) { r.classList.toggle('selected', n === at); });
    rows[at].scrollIntoView({ block: 'nearest' });
  }
  rows.forEach(function (row, n) {
    row.addEventListener('click', function (e) { if (e.target.tagName !== 'A') location.href = row.dataset.href; });
    row.addEventListener('mouseenter', function () { at = n; });
  });

  function submit(action) {
    var form = document.querySelector('form.action[data-action="' + action + '"]');
    if (form) form.requestSubmit();
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement)) return;
    var next = document.querySelector('a[rel=next]');
    var prev = document.querySelector('a[rel=prev]');
    switch (e.key) {
      case 'j': if (rows.length) select(at + 1); else if (next) location.href = next.href; break;
      case 'k': if (rows.length) select(at - 1); else if (prev) location.href = prev.href; break;
      case 'Enter': case 'o': if (at >= 0 && rows[at]) location.href = rows[at].dataset.href; break;
      case 'a': submit('approve'); break;
      case 'r': submit('reject'); break;
      case 'x': submit('escalate'); break;
      case 'e': {
        var area = document.querySelector('form.action[data-action="edit"] textarea');
        if (area) { e.preventDefault(); area.focus(); }
        break;
      }
      default: return;
    }
  });

  // SLA countdowns.
  function fmt(ms) {
    var m = Math.round(Math.abs(ms) / 60000);
    var t = m >= 60 ? Math.floor(m / 60) + 'h ' + String(m % 60).padStart(2, '0') + 'm' : m + 'm';
    return ms >= 0 ? 'in ' + t : t + ' ago';
  }
  function tick() {
    document.querySelectorAll('[data-deadline]').forEach(function (el) {
      var ms = Date.parse(el.dataset.deadline) - Date.now();
      var b = el.querySelector('b');
      if (b) b.textContent = fmt(ms);
      el.classList.toggle('overdue', ms < 0);
    });
  }
  setInterval(tick, 15000);

  // Auto-refresh (the queue), unless the reviewer is typing.
  var every = Number(document.body.dataset.refresh || 0);
  if (every > 0) {
    setInterval(function () { if (!typing(document.activeElement)) location.reload(); }, every * 1000);
  }
})();

// Reception's pages: Ctrl+Enter sends a reply, the newest message stays in view, canned
// replies fill the reply box, and the inbox raises a new emergency (title badge and sound).
// htmx itself puts focus back on a focused element with an id after a swap.
(function () {
  "use strict";
  const badge = /^\(\d+ emergenc(y|ies)\) /;
  const baseTitle = document.title.replace(badge, "");
  let known = null;
  let nearBottom = true;

  function watchInbox() {
    const rows = document.getElementById("inbox-rows");
    if (!rows) return;
    const ids = new Set((rows.dataset.emergencyIds || "").split(" ").filter(Boolean));
    const count = Number(rows.dataset.emergencies || 0);
    document.title = (count ? "(" + count + " emergenc" + (count === 1 ? "y" : "ies") + ") " : "") + baseTitle;
    if (known !== null && [...ids].some((id) => !known.has(id))) {
      document.body.dataset.emergencyAlerts = String(Number(document.body.dataset.emergencyAlerts || 0) + 1);
      const sound = document.getElementById("emergency-sound");
      // A browser may refuse to play before the page was clicked; the badge still shows.
      if (sound) sound.play().catch(() => {});
    }
    known = ids;
  }

  function newestInView() {
    const chat = document.getElementById("transcript");
    if (chat && nearBottom) chat.scrollTop = chat.scrollHeight;
  }

  document.addEventListener("DOMContentLoaded", () => {
    watchInbox();
    newestInView();
  });

  document.addEventListener("htmx:beforeSwap", () => {
    const chat = document.getElementById("transcript");
    // Someone scrolled up to read: a refresh must not pull them back down.
    nearBottom = !chat || chat.scrollHeight - chat.scrollTop - chat.clientHeight < 60;
  });

  document.addEventListener("htmx:afterSettle", () => {
    watchInbox();
    newestInView();
  });

  document.addEventListener("keydown", (event) => {
    const box = event.target;
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    if (!(box instanceof HTMLTextAreaElement) || !box.form || !box.form.classList.contains("reply")) return;
    event.preventDefault();
    nearBottom = true;
    box.form.requestSubmit();
  });

  document.addEventListener("click", (event) => {
    const canned = event.target.closest("button.canned");
    const box = document.getElementById("reply-text");
    if (!canned || !box) return;
    box.value = box.value ? box.value + "\n" + canned.dataset.text : canned.dataset.text;
    box.focus();
  });
})();

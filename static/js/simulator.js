// Sends a simulator message: ask the server to build and sign the chosen door's webhook
// (Twilio's form, or Meta's JSON), then POST it to the real webhook as the provider would.
(function () {
  const csrf = () => JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"];
  const error = (text) => { document.getElementById("sim-error").textContent = text || ""; };

  async function send(body, buttonPayload) {
    error("");
    const form = new URLSearchParams({
      phone: document.getElementById("sim-phone").value.trim(),
      name: document.getElementById("sim-name").value.trim(),
      body: body,
      button_payload: buttonPayload || "",
    });
    // The clinic number written to, when clinics list numbers; else the door's own.
    const number = document.getElementById("sim-number");
    const door = document.getElementById("sim-door");
    if (number) form.set("number", number.value);
    if (door) form.set("door", door.value);
    const signed = await fetch("/simulator/sign/", {
      method: "POST", body: form, headers: { "X-CSRFToken": csrf() },
    });
    const data = await signed.json();
    if (!signed.ok) { error(data.error); return; }
    const delivered = await fetch(data.url, {
      method: "POST",
      body: data.body || new URLSearchParams(data.params),
      headers: Object.assign({ "Content-Type": data.content_type }, data.headers),
    });
    if (!delivered.ok) { error("The webhook answered " + delivered.status); return; }
    document.body.dispatchEvent(new Event("sim:sent"));
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("composer").addEventListener("submit", (event) => {
      event.preventDefault();
      const input = document.getElementById("sim-body");
      const text = input.value.trim();
      if (!text) return;
      input.value = "";
      send(text, "");
    });
    document.getElementById("transcript").addEventListener("click", (event) => {
      const option = event.target.closest("button.option");
      if (option) send(option.dataset.title, option.dataset.payload);
    });
    document.getElementById("transcript").addEventListener("htmx:afterSwap", (event) => {
      event.target.scrollTop = event.target.scrollHeight;
    });
  });
})();

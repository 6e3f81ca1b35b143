// Proposal workspace (/inovasi/<id>/usulan): each section's word count follows the typing at once
// (the server's readiness follows once the typing pauses). The count's words come from the page
// (data-template, from the i18n catalog); over the limit it turns red.
(function () {
  function words(text) {
    var trimmed = (text || "").trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }
  document.addEventListener("input", function (event) {
    var area = event.target;
    if (!area || !area.classList || !area.classList.contains("ws-text")) return;
    var box = area.closest("[data-counter]");
    var counter = box && document.getElementById(box.getAttribute("data-counter"));
    if (!counter) return;
    var count = words(area.value);
    var limit = parseInt(counter.getAttribute("data-limit"), 10);
    var locale = document.documentElement.lang === "en" ? "en-US" : "id-ID";
    counter.textContent = counter.getAttribute("data-template")
      .replace("{words}", count.toLocaleString(locale))
      .replace("{max_words}", limit.toLocaleString(locale));
    counter.classList.toggle("text-danger", count > limit);
  });
})();

// The fields send their value to Dash once the typing pauses (debounce 500 ms), so a "Simpan" pressed
// while a field still holds unsent text would save the text as it was before. Pressing it (pointer,
// Enter or Space) first hands Dash the fields typed in since, as they are now.
(function () {
  var typed = new Set();
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field && field.id && field.id.indexOf('"type":"edit-ws-field"') !== -1) typed.add(field);
  }, true);
  function flush(event) {
    var button = event.target && event.target.closest && event.target.closest("#edit-ws-save");
    var api = window.dash_clientside;
    if (!button || !api || !api.set_props) return;
    typed.forEach(function (field) {
      if (document.body.contains(field)) api.set_props(JSON.parse(field.id), {value: field.value});
    });
    typed.clear();
  }
  document.addEventListener("pointerdown", flush, true);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") flush(event);
  }, true);
})();

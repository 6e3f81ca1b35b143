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

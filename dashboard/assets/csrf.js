/* Every POST the page makes carries the session's CSRF token (see dashboard/auth.py), read from the
   `dasbor_csrf` cookie at the moment it is sent (the token changes when someone logs in or out).
   Dash's renderer adds the X-CSRFToken header to its callbacks itself; this file covers the app's
   own forms (logout) and any fetch of its own to this site. */
(function () {
  "use strict";
  function token() {
    var match = document.cookie.match(/(?:^|;\s*)dasbor_csrf=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || (form.method || "").toLowerCase() !== "post") { return; }
    var field = form.querySelector('input[name="csrf_token"]');
    if (!field) {
      field = document.createElement("input");
      field.type = "hidden";
      field.name = "csrf_token";
      form.appendChild(field);
    }
    field.value = token();
  }, true);
  var originalFetch = window.fetch;
  window.fetch = function (resource, init) {
    var url = new URL(String((resource && resource.url) || resource), window.location.href);
    var method = ((init && init.method) || (resource && resource.method) || "GET").toUpperCase();
    if (url.origin === window.location.origin && method !== "GET" && method !== "HEAD") {
      init = Object.assign({}, init);
      var headers = new Headers(init.headers || (resource && resource.headers) || {});
      if (!headers.get("X-CSRFToken")) { headers.set("X-CSRFToken", token()); }
      init.headers = headers;
    }
    return originalFetch.call(this, resource, init);
  };
}());

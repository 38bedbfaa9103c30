// Personal weights, live: when a choice in the form changes, fetch the same
// page for the new choices and swap in its result section, and put the
// choices into the address bar so the view can be shared. Without this
// script the form works as an ordinary GET form.
(function () {
  "use strict";
  var form = document.querySelector("form[data-personal-form]");
  var result = document.getElementById("personal-result");
  if (!form || !result || !window.fetch || !window.URLSearchParams || !window.DOMParser) return;

  // Only the features not "as published", so that shared links stay short.
  function query() {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
      if (select.value !== "published") params.append(select.name, select.value);
    });
    return params.toString();
  }

  var pending = 0;
  function update() {
    var q = query();
    var url = form.getAttribute("action") + (q ? "?" + q : "");
    var ticket = ++pending;
    fetch(url, { headers: { Accept: "text/html" }, credentials: "omit" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        if (ticket !== pending) return;  // a newer choice is on its way
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("personal-result");
        if (!fresh) return;
        result.innerHTML = fresh.innerHTML;
        if (window.history && window.history.replaceState) window.history.replaceState(null, "", url);
      })
      .catch(function () { /* the submit button still works */ });
  }

  form.addEventListener("change", update);
  form.setAttribute("data-live", "true");
})();

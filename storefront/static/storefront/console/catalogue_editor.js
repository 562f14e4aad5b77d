// EditorJS (vendored by django-js-lib-editor-js, no CDN) on each .rich-editor; on submit the blocks go into the
// hidden input named by data-input, as Saleor stores rich text.
(function () {
  "use strict";
  var form = document.getElementById("content-form");
  if (!form || typeof EditorJS === "undefined") { return; }
  var editors = [];
  document.querySelectorAll(".rich-editor").forEach(function (holder) {
    var input = document.getElementById(holder.dataset.input);
    var data = {};
    try { data = JSON.parse(input.value || "{}"); } catch (e) { data = {}; }
    var tools = {};
    if (typeof Header !== "undefined") { tools.header = {class: Header, inlineToolbar: true, config: {levels: [2, 3, 4], defaultLevel: 3}}; }
    if (typeof List !== "undefined") { tools.list = {class: List, inlineToolbar: true}; }
    if (typeof Quote !== "undefined") { tools.quote = {class: Quote, inlineToolbar: true}; }
    if (typeof Delimiter !== "undefined") { tools.delimiter = Delimiter; }
    var editor = new EditorJS({holder: holder.id, data: data && data.blocks ? data : undefined, tools: tools,
                               minHeight: 80, placeholder: holder.dataset.placeholder || ""});
    editors.push({editor: editor, input: input});
  });
  var saving = false;
  form.addEventListener("submit", function (event) {
    if (saving) { return; }
    event.preventDefault();
    Promise.all(editors.map(function (item) {
      return item.editor.save().then(function (out) { item.input.value = JSON.stringify(out); });
    })).then(function () { saving = true; HTMLFormElement.prototype.submit.call(form); })
      .catch(function (err) { console.error("editor save failed", err); });
  });
})();

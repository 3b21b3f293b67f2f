/* Material's search worker, fed stemmed queries: see overrides/main.html. */
"use strict";
var stem = null;
self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === 0) {
    // Set-up: Material's worker loads the index language's stemmer first.
    var language = message.data.config.lang[0];
    stem = function (word) {
      var stemmer = language === "en" ? self.lunr.stemmer : self.lunr[language].stemmer;
      return stemmer(new self.lunr.Token(word.toLowerCase())).toString();
    };
  } else if (message.type === 2 && stem !== null) {
    // A query: stem its words, not field names ("title:").
    message.data = message.data.replace(/[\p{L}\p{N}]+(?![\p{L}\p{N}:])/gu, stem);
  }
});
importScripts(new URL(self.location.href).searchParams.get("worker"));

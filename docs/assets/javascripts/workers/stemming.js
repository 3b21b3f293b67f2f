/* Material's search worker, loaded on the first search and fed stemmed
   queries: see overrides/main.html. Material's messages: 0 set-up (index and
   config), 1 ready, 2 query, 3 result. */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var state = "idle"; // idle, then loading (Material's worker), then ready
var setup = null; // the page's set-up message, kept until Material's worker loads
var pending = []; // queries that arrive while it loads
var forwarding = false;
var stem = null;
var post = self.postMessage.bind(self);

function stemmed(query) {
  // The query's words, not field names ("title:").
  return query.replace(/[\p{L}\p{N}]+(?![\p{L}\p{N}:])/gu, stem);
}

function forward(message) {
  forwarding = true;
  try {
    self.dispatchEvent(new MessageEvent("message", { data: message }));
  } finally {
    forwarding = false;
  }
}

// Material's worker says "ready" once it has loaded the index's stemmer and
// built the index. The page was told so at set-up: swallow it, send the
// queries that waited.
self.postMessage = function (message) {
  if (state !== "loading" || message.type !== READY) {
    post(message);
    return;
  }
  state = "ready";
  var language = setup.data.config.lang[0];
  var stemmer = language === "en" ? self.lunr.stemmer : self.lunr[language].stemmer;
  stem = function (word) {
    return stemmer(new self.lunr.Token(word.toLowerCase())).toString();
  };
  pending.splice(0).forEach(function (query) {
    forward({ type: QUERY, data: stemmed(query.data) });
  });
};

self.addEventListener("message", function (event) {
  if (forwarding) return; // on its way to Material's worker
  var message = event.data;
  if (state === "ready") {
    if (message.type === QUERY) message.data = stemmed(message.data);
    return; // on to Material's worker, which listens after this listener
  }
  event.stopImmediatePropagation(); // Material's worker is not set up yet
  if (message.type === SETUP) {
    setup = message;
    post({ type: READY });
  } else if (message.type === QUERY && !message.data.trim()) {
    post({ type: RESULT, data: { items: [] } });
  } else if (message.type === QUERY) {
    pending.push(message);
    if (state === "idle") {
      state = "loading";
      importScripts(new URL(self.location.href).searchParams.get("worker"));
      forward(setup);
    }
  }
});

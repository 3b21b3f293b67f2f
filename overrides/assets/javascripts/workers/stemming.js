/* The search, loaded on the first query by search-on-demand.js, in the same
   worker: Material's search worker, the pages of the index (the page's set-up
   message carried its settings only), then every query stemmed. See
   overrides/main.html. Material's messages: 0 set-up (index and config),
   1 ready, 2 query, 3 result. `setup`, `pending` and `waiting` come from
   search-on-demand.js. */
"use strict";

var READY = 1, QUERY = 2, RESULT = 3;
var ready = false; // Material's worker has built the index
var failed = false; // the index could not be fetched
var forwarding = false;
var stem = null;
var post = self.postMessage.bind(self);
var address = new URL(self.location.href).searchParams; // worker, index

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

function nothing() {
  post({ type: RESULT, data: { items: [] } });
}

// Material's worker says "ready" once it has loaded the index's stemmer and
// built the index. The page was told so at set-up: swallow it, send the
// queries that waited.
self.postMessage = function (message) {
  if (ready || message.type !== READY) {
    post(message);
    return;
  }
  ready = true;
  var language = setup.data.config.lang[0];
  var stemmer = language === "en" ? self.lunr.stemmer : self.lunr[language].stemmer;
  stem = function (word) {
    return stemmer(new self.lunr.Token(word.toLowerCase())).toString();
  };
  pending.splice(0).forEach(function (query) {
    forward({ type: QUERY, data: stemmed(query.data) });
  });
};

// This listener comes before Material's worker's, which importScripts adds below.
self.removeEventListener("message", waiting);
self.addEventListener("message", function (event) {
  if (forwarding) return; // on its way to Material's worker
  var message = event.data;
  if (ready) {
    if (message.type === QUERY) message.data = stemmed(message.data);
    return; // on to Material's worker
  }
  event.stopImmediatePropagation(); // Material's worker is not set up yet
  if (message.type !== QUERY) return;
  if (failed || !message.data.trim()) nothing();
  else pending.push(message);
});

importScripts(address.get("worker"));
fetch(address.get("index"))
  .then(function (response) {
    if (!response.ok) throw new Error(response.status + " " + response.url);
    return response.json();
  })
  .then(function (index) {
    setup.data.docs = index.docs;
    forward(setup); // Material's worker builds the index, then says "ready"
  })
  .catch(function (error) {
    failed = true;
    pending.splice(0).forEach(nothing);
    throw error;
  });

/* The search worker Material starts on every page: it answers Material's
   set-up at once and loads the search, stemming.js, on the first query (see
   overrides/main.html). Messages: 0 set-up, 1 ready, 2 query, 3 result. */
"use strict";

var setup = null; // the page's set-up message: the index's settings
var pending = []; // queries waiting for the search

function waiting(event) {
  var message = event.data;
  if (message.type === 0) {
    setup = message;
    self.postMessage({ type: 1 });
  } else if (message.type === 2 && !message.data.trim()) {
    self.postMessage({ type: 3, data: { items: [] } });
  } else if (message.type === 2) {
    pending.push(message);
    if (pending.length === 1) importScripts("stemming.js");
  }
}

self.addEventListener("message", waiting);

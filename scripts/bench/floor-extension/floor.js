/* global chrome, document */
// The floor of what a framed UI costs TikTok's page: the companion's host element with a closed
// shadow root and an extension page in a frame, placed like the panel, and nothing else: no
// watcher, no agent reading the page, no messages, no observer. overlay.bench.mjs measures it
// beside the companion, so each run shows how much of the companion's cost is the frame itself
// and how much is its page agent.
const host = document.createElement('tt-access-companion');
const shadow = host.attachShadow({ mode: 'closed' });
const frame = document.createElement('iframe');
frame.src = chrome.runtime.getURL('companion.html');
frame.title = 'Bench floor';
frame.style.cssText =
  'position: fixed; bottom: 16px; right: 16px; width: 348px; height: 400px; border: 0; z-index: 2147483646';
shadow.append(frame);
document.body.append(host);

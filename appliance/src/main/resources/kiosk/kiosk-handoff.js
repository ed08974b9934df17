// Moodbox kiosk: hand a song to a phone. Every card gets a phone button that turns the card over to show a
// QR code (drawn by the box: /api/handoff/{id}/qr.png) opening the song on YouTube or Spotify, as the owner
// chose. Link-only cards (YouTube videos the box cannot play) turn over on any tap instead of playing.
// Also shows the online sources' notices (YouTube quota used up, unreachable) in the status line.
// kiosk.js calls MoodboxHandoff.decorate(card, track) for each card it makes; nothing here plays anything.
'use strict';

window.MoodboxHandoff = (() => {
  // A turned card turns back by itself: the next person should find the cards as they were.
  const TURN_BACK_MS = 60000;
  // Notices change rarely (quota, network); a poll on the box's own loopback costs nothing.
  const NOTICE_POLL_MS = 30000;
  const PHONE_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7'
    + 'a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 3v13h10V5H7zm5 14.2a1.1 1.1 0 1 0 0 2.2 1.1 1.1 0 0 0 0-2.2z"/></svg>';
  let turnBackTimer = 0;

  function span(className, text) {
    const s = document.createElement('span');
    s.className = className;
    if (text !== undefined) s.textContent = text;
    return s;
  }

  function isTurned(card) {
    return card.classList.contains('turned');
  }

  function turnBack(card) {
    card.classList.remove('turned');
    card.querySelector('.card-phone').setAttribute('aria-label', 'Show a QR code to open this song on your phone');
  }

  async function turnOver(card) {
    document.querySelectorAll('.card.turned').forEach((other) => { if (other !== card) turnBack(other); });
    const back = card.querySelector('.card-back');
    const label = back.querySelector('.card-back-label');
    // Made on the first turn, not with the card: an <img> without a picture would be a broken image.
    let qr = back.querySelector('.card-qr');
    if (!qr) {
      qr = document.createElement('img');
      qr.className = 'card-qr';
      qr.alt = '';
      qr.draggable = false;
      back.prepend(qr);
    }
    card.classList.add('turned');
    card.querySelector('.card-phone').setAttribute('aria-label', 'Turn the card back');
    clearTimeout(turnBackTimer);
    turnBackTimer = setTimeout(() => turnBack(card), TURN_BACK_MS);
    try {
      // Asked on every turn: the owner may have switched between YouTube and Spotify since the card was made.
      const response = await fetch(`/api/handoff/${card.dataset.trackId}`);
      const link = await response.json();
      if (!response.ok) throw new Error(link.error || `the box said ${response.status}`);
      label.textContent = link.label;
      qr.alt = `QR code: ${link.label.toLowerCase()}`;
      qr.hidden = false;
      qr.src = `${link.qr}?v=${encodeURIComponent(link.url)}`;
      card.dataset.handoffUrl = link.url;
    } catch (e) {
      label.textContent = 'No QR code for this song right now.';
      qr.removeAttribute('src');
      qr.hidden = true;
    }
  }

  function decorate(card, track) {
    const phone = span('card-phone');
    phone.setAttribute('role', 'button');
    phone.setAttribute('tabindex', '0');
    phone.setAttribute('aria-label', 'Show a QR code to open this song on your phone');
    phone.innerHTML = PHONE_ICON;

    const back = span('card-back');
    back.append(span('card-back-label', 'Scan with your phone'), span('card-back-hint', 'Tap to turn back'));
    card.append(phone, back);

    if (track.linkOnly) {
      card.classList.add('link-only');
      card.setAttribute('aria-label', `Watch ${track.title} on your phone: shows a QR code`);
      card.append(span('card-link-only', 'Watch on your phone'));
    }

    // Capture phase, so this runs before kiosk.js's "tap plays" listener and can keep it from running:
    // a tap on the phone button, on a turned card or on a link-only card never plays.
    card.addEventListener('click', (event) => {
      const onPhone = event.target.closest('.card-phone') !== null;
      if (!onPhone && !isTurned(card) && !track.linkOnly) return; // an ordinary tap: let it play
      event.stopPropagation();
      event.preventDefault();
      if (isTurned(card)) turnBack(card);
      else turnOver(card);
    }, true);
    phone.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        event.stopPropagation();
        phone.click();
      }
    });
  }

  // ---------- notices of the online sources ----------

  async function pollNotices() {
    try {
      const response = await fetch('/api/sources/notices');
      if (response.ok) showNotices((await response.json()).notices || []);
    } catch (e) {
      // The box is unreachable: kiosk.js already says so.
    }
  }

  function showNotices(notices) {
    let line = document.getElementById('source-notice');
    if (!line) {
      line = span('source-notice');
      line.id = 'source-notice';
      line.setAttribute('role', 'status');
      const host = document.querySelector('.status-line') || document.body;
      host.prepend(line);
    }
    line.textContent = notices.map((n) => n.message).join(' · ');
    line.hidden = notices.length === 0;
  }

  pollNotices();
  setInterval(pollNotices, NOTICE_POLL_MS);

  return { decorate };
})();

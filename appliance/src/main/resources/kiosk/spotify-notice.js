// Spotify's notice on the kiosk: a thin banner while a linked Spotify is failing (down, rate-limited, access
// revoked), so the listener knows why only their own library shows. Asks the box every 15 s; never Spotify.
(() => {
  'use strict';
  const banner = document.createElement('p');
  banner.id = 'spotify-notice';
  banner.setAttribute('role', 'status');
  banner.hidden = true;
  // Styled through the CSSOM, which the page's content security policy allows (it forbids style attributes).
  // In the flow, as the body grid's last row: the cards give up the space, and the player's buttons and the
  // status line stay uncovered.
  Object.assign(banner.style, {margin: '0', padding: '6px 12px', background: '#5a3a00', color: '#fff',
    font: '14px sans-serif', textAlign: 'center'});
  document.addEventListener('DOMContentLoaded', () => document.body.appendChild(banner));

  async function check() {
    try {
      const response = await fetch('/api/spotify/notice', {cache: 'no-store'});
      if (!response.ok) return;
      const data = await response.json();
      banner.textContent = data.notice || '';
      banner.hidden = !data.notice;
    } catch (e) {
      // the box itself is restarting; the next check will tell
    }
  }
  check();
  setInterval(check, 15000);
})();

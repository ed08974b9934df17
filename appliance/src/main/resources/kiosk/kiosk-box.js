// The box's own screen behaviour (GET /api/box and the 'presence' event): the owner's page address until
// the owner has set the admin password, and sleep while the presence sensor sees nobody. A tap or any
// movement in front of the sensor wakes the screen. Kept apart from kiosk.js: it only adds two layers.
'use strict';

(() => {
  // Until the owner has signed up, the address is asked for again now and then: the banner goes away
  // by itself once the phone has set the password.
  const SETUP_POLL_MS = 30000;

  const setup = document.createElement('div');
  setup.id = 'box-setup';
  setup.className = 'box-setup';
  setup.hidden = true;
  setup.setAttribute('role', 'note');

  const sleeper = document.createElement('div');
  sleeper.id = 'box-sleep';
  sleeper.className = 'box-sleep';
  sleeper.hidden = true;
  const sleepText = document.createElement('p');
  sleepText.textContent = 'Resting while nobody is here. Tap or wave to wake.';
  const sleepAddress = document.createElement('p');
  sleepAddress.className = 'box-sleep-address';
  sleeper.append(sleepText, sleepAddress);

  function showSetup(box) {
    const show = Boolean(box.adminUrl) && !box.adminPasswordSet;
    setup.hidden = !show;
    if (show) {
      setup.replaceChildren(
        Object.assign(document.createElement('span'), { textContent: 'Set up this Moodbox from your phone: open ' }),
        Object.assign(document.createElement('strong'), { textContent: box.adminUrl }));
    }
    sleepAddress.textContent = box.adminUrl ? 'Owner\u2019s page: ' + box.adminUrl : '';
  }

  function sleep(asleep) {
    sleeper.hidden = !asleep;
    document.documentElement.classList.toggle('box-asleep', asleep);
  }

  async function load() {
    try {
      const response = await fetch('/api/box', { cache: 'no-store' });
      if (!response.ok) {
        return;
      }
      const box = await response.json();
      showSetup(box);
      if (typeof box.present === 'boolean') {
        sleep(!box.present);
      }
      if (box.adminUrl && !box.adminPasswordSet) {
        setTimeout(load, SETUP_POLL_MS);
      }
    } catch (e) {
      setTimeout(load, SETUP_POLL_MS); // the box is restarting: try again later
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.body.append(setup, sleeper);
    // A tap on the sleeping screen wakes it; it sleeps again at the sensor's next "nobody there".
    sleeper.addEventListener('click', () => sleep(false));
    const events = new EventSource('/api/events');
    events.addEventListener('presence', (e) => sleep(!JSON.parse(e.data).present));
    load();
  });
})();

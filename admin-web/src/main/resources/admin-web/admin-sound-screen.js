// Section "Sound and screen": the loudest volume anyone at the kiosk may choose, and the night-dim hours.
'use strict';

(() => {
  const admin = window.MoodboxAdmin;
  const $ = (id) => document.getElementById(id);

  admin.section({
    name: 'sound-screen',
    fill(settings) {
      $('settings-volume-cap').value = Math.round(settings.volumeCap * 100);
      $('settings-dim-start').value = settings.screenSchedule.nightDimStart;
      $('settings-dim-end').value = settings.screenSchedule.nightDimEnd;
    },
    collect() {
      const cap = $('settings-volume-cap').value.trim();
      return {
        // An empty or non-numeric box goes to the server as is, so its message explains it.
        volumeCap: cap !== '' && !Number.isNaN(Number(cap)) ? Number(cap) / 100 : cap,
        screenSchedule: { nightDimStart: $('settings-dim-start').value, nightDimEnd: $('settings-dim-end').value },
      };
    },
  });
})();

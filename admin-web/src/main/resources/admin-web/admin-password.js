// Section "Admin password": change it, with the current one. Other phones are signed out by the box.
'use strict';

(() => {
  const admin = window.MoodboxAdmin;
  const $ = (id) => document.getElementById(id);
  const form = $('password-form');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    admin.submit(form, $('password-save'), async () => {
      try {
        await admin.call('POST', '/admin/api/password', {
          currentPassword: $('password-current').value,
          password: $('password-new').value,
          confirm: $('password-confirm').value,
        });
      } finally {
        ['password-current', 'password-new', 'password-confirm'].forEach((id) => { $(id).value = ''; });
      }
      form.querySelector('.saved').textContent = 'Password changed. Other phones were signed out.';
    });
  });
})();

/* Heliodesk in-app widget. Plain JavaScript, no framework, no build step; docs/widget.md explains how to embed it.
   Everything lives in a shadow root, so the host page's styles cannot reach in and ours cannot leak out. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__heliodeskWidget) { return; }
  window.__heliodeskWidget = true;
  var workspace = script.getAttribute('data-workspace');
  var base = new URL(script.src, location.href).origin;
  var api = base + '/widget/v1/' + encodeURIComponent(workspace);
  var storeKey = 'heliodesk-chat:' + workspace;

  var TEXT = {
    en: {
      open: 'Open support', close: 'Close support', title: 'How can we help?', back: 'Back',
      chat: 'Chat with us', message: 'Send us a message', callback: 'Ask for a callback', search: 'Search for answers',
      online: 'We are online and usually answer in minutes.', away: 'We are away right now.',
      backAt: 'We are back {when}. Leave a message and we will answer by email.', backLater: 'Leave a message and we will answer by email.',
      name: 'Your name', email: 'Email', subject: 'Subject', body: 'Message', urgency: 'How urgent is it?',
      low: 'Low', normal: 'Normal', high: 'High', critical: 'Critical: my business is stopped',
      phone: 'Phone number', from: 'From', to: 'Until', zone: 'Times are in your time zone: {zone}.', notes: 'What is it about? (optional)',
      start: 'Start chat', send: 'Send', attach: 'Attach files', request: 'Send message', ask: 'Request callback',
      sent: 'Thanks! We received your message as request #{n} and will answer by email.',
      asked: 'Thanks! We will call you in the window you chose (request #{n}).',
      offline: 'Thanks! Nobody can chat right now, so your message became request #{n}. We will answer by email.',
      you: 'You', typing: '{who} is typing…', agentTyping: 'An agent is typing…', read: 'Read', transcript: 'Conversation',
      callbackSubject: 'Callback request', error: 'Something went wrong. Please try again.', tooMany: 'Too many messages; please wait a minute.',
      composer: 'Write a message', files: 'Files', newChat: 'Start a new chat'
    },
    es: {
      open: 'Abrir soporte', close: 'Cerrar soporte', title: '¿Cómo podemos ayudarte?', back: 'Volver',
      chat: 'Chatea con nosotros', message: 'Envíanos un mensaje', callback: 'Pide que te llamemos', search: 'Buscar respuestas',
      online: 'Estamos conectados y solemos responder en minutos.', away: 'Ahora no estamos disponibles.',
      backAt: 'Volvemos {when}. Déjanos un mensaje y te responderemos por correo.', backLater: 'Déjanos un mensaje y te responderemos por correo.',
      name: 'Tu nombre', email: 'Correo electrónico', subject: 'Asunto', body: 'Mensaje', urgency: '¿Qué tan urgente es?',
      low: 'Baja', normal: 'Normal', high: 'Alta', critical: 'Crítica: mi negocio está detenido',
      phone: 'Número de teléfono', from: 'Desde', to: 'Hasta', zone: 'Las horas están en tu zona horaria: {zone}.', notes: '¿De qué se trata? (opcional)',
      start: 'Iniciar chat', send: 'Enviar', attach: 'Adjuntar archivos', request: 'Enviar mensaje', ask: 'Pedir llamada',
      sent: '¡Gracias! Recibimos tu mensaje como solicitud n.º {n} y te responderemos por correo.',
      asked: '¡Gracias! Te llamaremos en el horario que elegiste (solicitud n.º {n}).',
      offline: '¡Gracias! Ahora nadie puede chatear, así que tu mensaje es la solicitud n.º {n}. Te responderemos por correo.',
      you: 'Tú', typing: '{who} está escribiendo…', agentTyping: 'Un agente está escribiendo…', read: 'Leído', transcript: 'Conversación',
      callbackSubject: 'Solicitud de llamada', error: 'Algo salió mal. Inténtalo de nuevo.', tooMany: 'Demasiados mensajes; espera un minuto.',
      composer: 'Escribe un mensaje', files: 'Archivos', newChat: 'Iniciar un chat nuevo'
    },
    'zh-Hans': {
      open: '打开客服', close: '关闭客服', title: '我们能帮您什么？', back: '返回',
      chat: '在线聊天', message: '给我们留言', callback: '预约回电', search: '搜索答案',
      online: '我们在线，通常几分钟内回复。', away: '我们现在不在线。',
      backAt: '我们将于{when}回来。请留言，我们会通过电子邮件回复。', backLater: '请留言，我们会通过电子邮件回复。',
      name: '您的姓名', email: '电子邮件', subject: '主题', body: '留言', urgency: '有多紧急？',
      low: '低', normal: '普通', high: '高', critical: '紧急：业务已停顿',
      phone: '电话号码', from: '从', to: '到', zone: '时间为您所在时区：{zone}。', notes: '关于什么问题？（可选）',
      start: '开始聊天', send: '发送', attach: '添加附件', request: '发送留言', ask: '预约回电',
      sent: '谢谢！您的留言已登记为第 {n} 号请求，我们会通过电子邮件回复。',
      asked: '谢谢！我们会在您选择的时间段给您回电（第 {n} 号请求）。',
      offline: '谢谢！现在无人可以聊天，您的留言已登记为第 {n} 号请求，我们会通过电子邮件回复。',
      you: '您', typing: '{who} 正在输入…', agentTyping: '客服正在输入…', read: '已读', transcript: '对话',
      callbackSubject: '回电请求', error: '出错了，请重试。', tooMany: '消息太多，请稍等一分钟。',
      composer: '输入消息', files: '文件', newChat: '开始新的聊天'
    }
  };

  function pickLanguage() {
    var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en']);
    for (var i = 0; i < wanted.length; i++) {
      var tag = String(wanted[i]).toLowerCase();
      if (tag.indexOf('zh') === 0) { return (/hant|tw|hk|mo/).test(tag) ? 'en' : 'zh-Hans'; }
      if (tag.indexOf('es') === 0) { return 'es'; }
      if (tag.indexOf('en') === 0) { return 'en'; }
    }
    return 'en';
  }
  var lang = pickLanguage();
  var visitorLanguage = navigator.language || lang;
  var t = TEXT[lang];
  function say(key, values) {
    return t[key].replace(/\{(\w+)\}/g, function (_, name) { return values && values[name] != null ? values[name] : ''; });
  }
  var zone = (Intl.DateTimeFormat().resolvedOptions().timeZone) || 'UTC';
  var identity = (window.heliodeskSettings && window.heliodeskSettings.identity) || null;

  /* ---------- DOM helpers ---------- */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value == null || value === false) { return; }
      if (key === 'text') { node.textContent = value; }
      else if (key.indexOf('on') === 0) { node.addEventListener(key.slice(2), value); }
      else { node.setAttribute(key, value === true ? '' : value); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }
  var uid = 0;
  function field(label, input, hint) {
    var id = 'hd-f' + (++uid);
    input.id = id;
    var error = el('p', { 'class': 'error', id: id + '-error', hidden: true });
    input.setAttribute('aria-describedby', id + '-error');
    return el('div', { 'class': 'field', 'data-field': input.name }, [el('label', { 'for': id, text: label }), input, hint ? el('p', { 'class': 'hint', text: hint }) : null, error]);
  }
  function input(name, type, required, extra) {
    var attrs = { name: name, type: type || 'text', required: required, autocomplete: extra && extra.autocomplete };
    return el(type === 'textarea' ? 'textarea' : 'input', Object.assign(attrs, extra || {}));
  }
  function formatTime(iso, withDay) {
    var date = new Date(iso);
    var options = withDay ? { weekday: 'long', hour: '2-digit', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit' };
    return new Intl.DateTimeFormat(lang, options).format(date);
  }

  /* ---------- Server calls ---------- */
  function call(path, options) {
    options = options || {};
    var headers = options.headers || {};
    var token = localStorage.getItem(storeKey);
    if (token) { headers['X-Widget-Token'] = token; }
    if (options.json !== undefined) { headers['Content-Type'] = 'application/json'; options.body = JSON.stringify(options.json); }
    return fetch(api + path, { method: options.method || 'GET', headers: headers, body: options.body, credentials: 'omit', signal: options.signal })
      .then(function (response) {
        if (response.status === 204) { return null; }
        return response.json().catch(function () { return null; }).then(function (body) {
          if (!response.ok) { var failure = new Error(response.status === 429 ? t.tooMany : t.error); failure.status = response.status; failure.body = body; throw failure; }
          return body;
        });
      });
  }

  /* ---------- Shell: launcher and panel in a shadow root ---------- */
  var host = el('div', { 'data-heliodesk-widget': '' });
  var root = host.attachShadow({ mode: 'open' });
  root.appendChild(el('style', { text: CSS() }));
  var launcher = el('button', { type: 'button', 'class': 'launcher', 'aria-expanded': 'false', 'aria-controls': 'hd-panel', 'aria-label': t.open, onclick: toggle },
    [el('span', { 'aria-hidden': 'true', text: '?' })]);
  var heading = el('h2', { id: 'hd-title', tabindex: '-1', text: t.title });
  var backButton = el('button', { type: 'button', 'class': 'icon', hidden: true, onclick: function () { show(home()); }, text: '← ' + t.back });
  var closeButton = el('button', { type: 'button', 'class': 'icon', 'aria-label': t.close, onclick: close, text: '×' });
  var body = el('div', { 'class': 'body' });
  var panel = el('section', { id: 'hd-panel', 'class': 'panel', role: 'dialog', 'aria-labelledby': 'hd-title', hidden: true, lang: lang },
    [el('header', {}, [backButton, heading, closeButton]), body]);
  root.appendChild(panel);
  root.appendChild(launcher);
  panel.addEventListener('keydown', function (event) { if (event.key === 'Escape') { event.preventDefault(); close(); } });

  var config = null;
  function toggle() { if (panel.hidden) { open(); } else { close(); } }
  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.setAttribute('aria-label', t.close);
    call('/config?language=' + encodeURIComponent(visitorLanguage)).then(function (c) {
      config = c;
      show(localStorage.getItem(storeKey) ? chatView() : home());
    }, function () { show(el('p', { role: 'alert', text: t.error })); });
  }
  function close() {
    panel.hidden = true;
    stopStream();
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-label', t.open);
    launcher.focus();
  }
  function show(view, title) {
    stopStream();
    body.replaceChildren(view);
    heading.textContent = title || t.title;
    backButton.hidden = !title;
    var first = view.querySelector('input:not([type=hidden]), textarea, select, button');
    (first || heading).focus();
  }

  /* ---------- Home ---------- */
  function home() {
    var status = config.chatOnline ? t.online
      : (config.backAt ? say('backAt', { when: formatTime(config.backAt, true) }) : t.away + ' ' + t.backLater);
    var items = [];
    // Suggestions need a knowledge base; until the server offers them the widget shows no search box at all.
    if (config.suggestions) { items.push(el('li', {}, [field(t.search, input('q', 'search', false))])); }
    items.push(el('li', {}, [el('button', { type: 'button', 'class': 'choice', onclick: function () { show(chatView(), t.chat); }, text: t.chat })]));
    items.push(el('li', {}, [el('button', { type: 'button', 'class': 'choice', onclick: function () { show(requestView(false), t.message); }, text: t.message })]));
    if (config.callbacks) {
      items.push(el('li', {}, [el('button', { type: 'button', 'class': 'choice', onclick: function () { show(requestView(true), t.callback); }, text: t.callback })]));
    }
    return el('div', {}, [el('p', { 'class': 'status', 'data-status': config.chatOnline ? 'online' : 'away', text: status }), el('ul', { 'class': 'choices' }, items)]);
  }

  function showErrors(form, failure) {
    form.querySelectorAll('.error').forEach(function (e) { e.hidden = true; e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
    var errors = failure.body && failure.body.errors;
    var firstInvalid = null;
    Object.keys(errors || {}).forEach(function (key) {
      var name = key.replace(/^identity\./, '');
      var control = form.querySelector('[name="' + name + '"]');
      if (!control) { return; }
      control.setAttribute('aria-invalid', 'true');
      var message = root.getElementById(control.id + '-error');
      message.textContent = errors[key].join(' ');
      message.hidden = false;
      firstInvalid = firstInvalid || control;
    });
    var general = form.querySelector('.form-error');
    general.textContent = firstInvalid ? '' : failure.message;
    (firstInvalid || general).focus();
  }

  function identityFields(name, email) {
    return identity && identity.signature ? [] : [field(t.name, name), field(t.email, email)];
  }

  /* ---------- Contact form and callback request (the help center's rules, server side) ---------- */
  function requestView(callMe) {
    var name = input('name', 'text', true, { autocomplete: 'name', maxlength: '200' });
    var email = input('email', 'email', true, { autocomplete: 'email', maxlength: '254' });
    var controls = identityFields(name, email);
    var subject = input('subject', 'text', true, { maxlength: '300' });
    var description = input('description', 'textarea', !callMe, { rows: '4', maxlength: '20000' });
    var urgency = el('select', { name: 'urgency' }, ['low', 'normal', 'high', 'critical'].map(function (u) {
      return el('option', { value: u, selected: u === 'normal', text: t[u] });
    }));
    var phone = input('phone', 'tel', true, { autocomplete: 'tel', maxlength: '40' });
    var windowStart = input('windowStart', 'datetime-local', true);
    var windowEnd = input('windowEnd', 'datetime-local', true);
    if (callMe) {
      controls.push(field(t.phone, phone), field(t.from, windowStart, say('zone', { zone: zone })), field(t.to, windowEnd), field(t.notes, description));
    } else {
      controls.push(field(t.subject, subject), field(t.body, description), field(t.urgency, urgency));
    }
    var form = el('form', { novalidate: true }, controls.concat([
      el('p', { 'class': 'error form-error', role: 'alert', tabindex: '-1' }),
      el('button', { type: 'submit', 'class': 'primary', text: callMe ? t.ask : t.request })
    ]));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var notes = description.value.trim();
      call('/requests', { method: 'POST', json: {
        name: name.value, email: email.value, language: visitorLanguage, identity: identity,
        subject: callMe ? t.callbackSubject : subject.value, description: callMe ? (notes || t.callbackSubject) : notes,
        urgency: callMe ? 'normal' : urgency.value, callMe: callMe, phone: phone.value,
        windowStart: windowStart.value, windowEnd: windowEnd.value, timeZone: zone
      } }).then(function (result) {
        show(el('p', { role: 'status', 'class': 'done', text: say(callMe ? 'asked' : 'sent', { n: result.ticketNumber }) }), callMe ? t.callback : t.message);
      }, function (failure) { showErrors(form, failure); });
    });
    return form;
  }

  /* ---------- Live chat ---------- */
  var stream = null;
  function stopStream() { if (stream) { stream.abort(); stream = null; } }

  function chatView() {
    if (!localStorage.getItem(storeKey)) { return preChat(); }
    var log = el('ol', { 'class': 'log', 'aria-label': t.transcript });
    var logRegion = el('div', { role: 'log', 'aria-live': 'polite', 'aria-label': t.transcript }, [log]);
    var typing = el('p', { 'class': 'typing', 'aria-live': 'polite' });
    var text = input('text', 'textarea', false, { rows: '2', maxlength: String(config.maxMessageLength) });
    var files = input('files', 'file', false, { multiple: true });
    var form = el('form', { 'class': 'composer', novalidate: true }, [
      field(t.composer, text), field(t.attach, files),
      el('p', { 'class': 'error form-error', role: 'alert', tabindex: '-1' }),
      el('button', { type: 'submit', 'class': 'primary', text: t.send })
    ]);
    var view = el('div', { 'class': 'chat' }, [logRegion, typing, form]);
    var lastSeen = null;
    var typingSent = false;
    var typingTimer = null;

    function render(transcript) {
      if (!transcript) { return; }
      log.replaceChildren.apply(log, transcript.messages.map(function (m) {
        var read = m.fromVisitor && transcript.agentReadAt && transcript.agentReadAt >= m.at;
        return el('li', { 'class': m.fromVisitor ? 'mine' : 'theirs' }, [
          el('p', { 'class': 'who', text: (m.fromVisitor ? t.you : m.author) + ' · ' + formatTime(m.at) }),
          el('p', { 'class': 'text', text: m.text }),
          m.files.length ? el('ul', { 'class': 'files', 'aria-label': t.files }, m.files.map(fileLink)) : null,
          read ? el('p', { 'class': 'read', text: t.read }) : null
        ]);
      }));
      log.scrollTop = log.scrollHeight;
      typing.textContent = transcript.agentTyping ? t.agentTyping : '';
      var newest = transcript.messages.filter(function (m) { return !m.fromVisitor; }).pop();
      if (newest && newest.id !== lastSeen && !panel.hidden) {
        lastSeen = newest.id;
        call('/chat/read', { method: 'POST' }).catch(function () {});
      }
    }
    function fileLink(file) {
      return el('li', {}, [el('button', { type: 'button', 'class': 'link', text: file.fileName, onclick: function () { download(file); } })]);
    }
    function download(file) {
      fetch(api + '/chat/files/' + file.id, { headers: { 'X-Widget-Token': localStorage.getItem(storeKey) }, credentials: 'omit' })
        .then(function (r) { return r.blob(); }).then(function (blob) {
          var a = el('a', { href: URL.createObjectURL(blob), download: file.fileName });
          document.body.appendChild(a); a.click(); a.remove();
        });
    }
    function refresh() {
      return call('/chat').then(render, function (failure) {
        if (failure.status === 404) { localStorage.removeItem(storeKey); show(preChat(), t.chat); }
      });
    }
    function sendTyping(now) {
      if (now !== typingSent) { typingSent = now; call('/chat/typing', { method: 'POST', json: { typing: now } }).catch(function () {}); }
    }
    text.addEventListener('input', function () {
      sendTyping(text.value.length > 0);
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { sendTyping(false); }, 3000);
    });
    text.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!text.value.trim() && !files.files.length) { return; }
      var data = new FormData();
      data.append('text', text.value);
      Array.prototype.forEach.call(files.files, function (f) { data.append('files', f, f.name); });
      clearTimeout(typingTimer);
      typingSent = false;
      call('/chat/messages', { method: 'POST', body: data }).then(function (transcript) {
        text.value = ''; files.value = '';
        render(transcript);
        text.focus();
      }, function (failure) { showErrors(form, failure); });
    });
    refresh().then(function () { listen(refresh, function (typingNow) { typing.textContent = typingNow ? t.agentTyping : ''; }); });
    return view;
  }

  function listen(onChange, onTyping) {
    stopStream();
    var controller = new AbortController();
    stream = controller;
    fetch(api + '/chat/stream', { headers: { 'X-Widget-Token': localStorage.getItem(storeKey), Accept: 'text/event-stream' }, credentials: 'omit', signal: controller.signal })
      .then(function (response) {
        if (!response.ok || !response.body) { throw new Error('stream'); }
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) { throw new Error('closed'); }
            buffer += decoder.decode(chunk.value, { stream: true });
            var events = buffer.split('\n\n');
            buffer = events.pop();
            events.forEach(function (raw) {
              var data = raw.split('\n').filter(function (line) { return line.indexOf('data: ') === 0; }).map(function (line) { return line.slice(6); }).join('');
              if (!data) { return; }
              var update = JSON.parse(data);
              onTyping(update.agentTyping);
              if (update.changed) { onChange(); }
            });
            return pump();
          });
        }
        return pump();
      })
      .catch(function () {
        // Dropped (network, server restart): catch up and reconnect, unless the widget was closed.
        if (stream === controller) { setTimeout(function () { if (stream === controller) { onChange(); listen(onChange, onTyping); } }, 2000); }
      });
  }

  function preChat() {
    var name = input('name', 'text', true, { autocomplete: 'name', maxlength: '200' });
    var email = input('email', 'email', true, { autocomplete: 'email', maxlength: '254' });
    var message = input('message', 'textarea', true, { rows: '3', maxlength: String(config.maxMessageLength) });
    var status = config.chatOnline ? t.online : (config.backAt ? say('backAt', { when: formatTime(config.backAt, true) }) : t.away + ' ' + t.backLater);
    var form = el('form', { novalidate: true }, [el('p', { 'class': 'status', text: status })].concat(identityFields(name, email), [
      field(t.body, message),
      el('p', { 'class': 'error form-error', role: 'alert', tabindex: '-1' }),
      el('button', { type: 'submit', 'class': 'primary', text: config.chatOnline ? t.start : t.request })
    ]));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      call('/chats', { method: 'POST', json: { name: name.value, email: email.value, message: message.value, language: visitorLanguage, timeZone: zone, identity: identity } })
        .then(function (started) {
          if (started.live) { localStorage.setItem(storeKey, started.token); show(chatView(), t.chat); }
          else { show(el('p', { role: 'status', 'class': 'done', text: say('offline', { n: started.ticketNumber }) }), t.chat); }
        }, function (failure) { showErrors(form, failure); });
    });
    return form;
  }

  function CSS() {
    return ':host{all:initial}*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}' +
      '.launcher{position:fixed;right:16px;bottom:16px;width:56px;height:56px;border-radius:50%;border:0;background:#1f4fd1;color:#fff;font-size:26px;font-weight:700;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000}' +
      'button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible,h2:focus-visible{outline:3px solid #f2a900;outline-offset:2px}' +
      '.panel{position:fixed;right:16px;bottom:84px;width:min(380px,calc(100vw - 32px));max-height:min(640px,calc(100vh - 100px));display:flex;flex-direction:column;background:#fff;color:#1b1b1f;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);z-index:2147483000;font-size:15px;line-height:1.4}' +
      '.panel[hidden]{display:none}header{display:flex;align-items:center;gap:8px;padding:12px 14px;background:#1f4fd1;color:#fff;border-radius:12px 12px 0 0}' +
      'h2{flex:1;margin:0;font-size:17px}.icon{background:transparent;border:0;color:#fff;font-size:15px;cursor:pointer;padding:4px 6px}.icon[aria-label]{font-size:22px;line-height:1}' +
      '.body{padding:14px;overflow-y:auto}.status{margin:0 0 12px;color:#3a3a44}.choices{list-style:none;margin:0;padding:0;display:grid;gap:8px}' +
      '.choice{width:100%;text-align:left;padding:12px;border:1px solid #c5c8d4;border-radius:8px;background:#f6f7fb;color:#1b1b1f;font-size:15px;cursor:pointer}' +
      '.field{display:grid;gap:4px;margin-bottom:10px}label{font-weight:600;font-size:14px}input,textarea,select{width:100%;font:inherit;padding:8px;border:1px solid #767983;border-radius:6px;color:#1b1b1f;background:#fff}' +
      '.hint{margin:0;font-size:13px;color:#4a4a55}.error{margin:0;color:#b00020;font-size:13px}.error:empty{display:none}[aria-invalid]{border-color:#b00020}' +
      '.primary{padding:10px 16px;border:0;border-radius:8px;background:#1f4fd1;color:#fff;font:inherit;font-weight:600;cursor:pointer}' +
      '.log{list-style:none;margin:0 0 8px;padding:0;max-height:320px;overflow-y:auto;display:grid;gap:8px}.log li{padding:8px 10px;border-radius:10px;max-width:85%}' +
      '.mine{justify-self:end;background:#e3ebff}.theirs{justify-self:start;background:#f1f1f4}.who{margin:0;font-size:12px;color:#4a4a55}.text{margin:2px 0 0;white-space:pre-wrap;overflow-wrap:anywhere}' +
      '.read{margin:2px 0 0;font-size:12px;color:#4a4a55;text-align:right}.typing{min-height:1.2em;margin:0 0 8px;font-size:13px;color:#4a4a55;font-style:italic}' +
      '.files{margin:4px 0 0;padding-left:18px}.link{background:none;border:0;padding:0;color:#1f4fd1;text-decoration:underline;cursor:pointer;font:inherit}.done{margin:0}' +
      '@media (max-width:480px){.panel{right:8px;left:8px;width:auto;bottom:80px}}';
  }

  window.HeliodeskWidget = {
    open: open, close: close,
    /* The host page's signed-in user; believed only with a valid signature (see docs/widget.md). */
    identify: function (who) { identity = who; }
  };
  (document.body || document.documentElement).appendChild(host);
})();

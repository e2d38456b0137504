namespace Heliodesk.Bench;

/// <summary>One language's raw material for tickets. Names are (display, ascii-for-email).</summary>
internal sealed record LanguageSample(
    string Code, int Weight, string[] Subjects, string[] Sentences, (string Display, string Ascii)[] Names);

/// <summary>
/// Hand-written, support-flavoured text in several languages and scripts (Latin with
/// diacritics, Cyrillic, CJK) so the server's storage, search and sanitizing paths see
/// realistic multi-byte input rather than ASCII filler. "{n}" is replaced by a number.
/// </summary>
internal static class SampleText
{
    public static readonly LanguageSample[] Languages =
    [
        new("en", 40,
            ["Cannot log in after password reset", "Invoice {n} was charged twice", "Order {n} arrived damaged",
             "How do I export my data?", "App crashes when uploading a photo", "Please cancel my subscription",
             "Refund for order {n} not received", "Two-factor code never arrives", "Feature request: dark mode"],
            ["I tried again this morning and it still does not work.", "My account email is the same as this one.",
             "This is blocking our whole team, please help.", "I attached a screenshot of the error.",
             "It started after the last update.", "Could you tell me when this will be fixed?",
             "We are on the business plan with 25 seats.", "Thanks in advance for your help!"],
            [("Emma Johnson", "emma.johnson"), ("Liam Smith", "liam.smith"), ("Olivia Brown", "olivia.brown"),
             ("Noah Williams", "noah.williams"), ("Ava O'Connor", "ava.oconnor")]),
        new("es", 12,
            ["No puedo iniciar sesión después de restablecer la contraseña", "La factura {n} se cobró dos veces",
             "El pedido {n} llegó dañado", "¿Cómo exporto mis datos?", "Quiero cancelar mi suscripción"],
            ["Lo intenté otra vez esta mañana y sigue sin funcionar.", "Adjunto una captura de pantalla del error.",
             "Empezó después de la última actualización.", "¿Podrían decirme cuándo estará resuelto?",
             "Es urgente, todo el equipo está bloqueado.", "¡Muchas gracias por su ayuda!"],
            [("José García", "jose.garcia"), ("María Fernández", "maria.fernandez"), ("Lucía Martínez", "lucia.martinez"),
             ("Alejandro Núñez", "alejandro.nunez")]),
        new("zh", 10,
            ["重置密码后无法登录", "发票 {n} 被重复扣款", "订单 {n} 到货时已损坏", "如何导出我的数据？", "上传照片时应用崩溃"],
            ["今天早上我又试了一次，还是不行。", "我附上了错误的截图。", "这个问题是在上次更新之后出现的。",
             "请问什么时候能修复？", "我们整个团队都受到影响了，请尽快处理。", "非常感谢您的帮助！"],
            [("王伟", "wang.wei"), ("李娜", "li.na"), ("张敏", "zhang.min"), ("刘洋", "liu.yang")]),
        new("tl", 8,
            ["Hindi ako makapag-login pagkatapos i-reset ang password", "Nadoble ang singil sa invoice {n}",
             "Sira ang dumating na order {n}", "Paano ko ie-export ang aking data?", "Gusto kong kanselahin ang subscription ko"],
            ["Sinubukan ko ulit kaninang umaga pero hindi pa rin gumagana.", "Naglakip ako ng screenshot ng error.",
             "Nagsimula ito pagkatapos ng huling update.", "Kailan po ito maaayos?", "Maraming salamat po sa tulong!"],
            [("Juan dela Cruz", "juan.delacruz"), ("Maria Santos", "maria.santos"), ("Andres Bautista", "andres.bautista")]),
        new("lt", 8,
            ["Negaliu prisijungti po slaptažodžio atkūrimo", "Sąskaita {n} apmokėta du kartus",
             "Užsakymas {n} atkeliavo sugadintas", "Kaip eksportuoti savo duomenis?", "Noriu atšaukti prenumeratą"],
            ["Šįryt bandžiau dar kartą, bet vis tiek neveikia.", "Prisegu klaidos ekrano nuotrauką.",
             "Problema atsirado po paskutinio atnaujinimo.", "Ar galite pasakyti, kada tai bus ištaisyta?",
             "Labai ačiū už pagalbą!"],
            [("Jonas Kazlauskas", "jonas.kazlauskas"), ("Rūta Žemaitytė", "ruta.zemaityte"), ("Žygimantas Petrauskas", "zygimantas.petrauskas")]),
        new("sr", 8,
            ["Не могу да се пријавим након ресетовања лозинке", "Рачун {n} је наплаћен два пута",
             "Porudžbina {n} je stigla oštećena", "Како да извезем своје податке?", "Želim da otkažem pretplatu"],
            ["Пробао сам поново јутрос и и даље не ради.", "Prilažem snimak ekrana sa greškom.",
             "Проблем је почео после последњег ажурирања.", "Možete li mi reći kada će ovo biti rešeno?",
             "Хвала унапред на помоћи!"],
            [("Марко Јовановић", "marko.jovanovic"), ("Ana Petrović", "ana.petrovic"), ("Јелена Ђорђевић", "jelena.djordjevic")]),
        new("de", 8,
            ["Anmeldung nach Passwort-Zurücksetzung nicht möglich", "Rechnung {n} wurde doppelt abgebucht",
             "Bestellung {n} kam beschädigt an", "Wie exportiere ich meine Daten?"],
            ["Ich habe es heute Morgen noch einmal versucht, es funktioniert immer noch nicht.",
             "Ein Screenshot des Fehlers ist angehängt.", "Das Problem trat nach dem letzten Update auf.",
             "Vielen Dank für Ihre Hilfe!"],
            [("Jürgen Müller", "juergen.mueller"), ("Anna Schäfer", "anna.schaefer"), ("Lukas Weiß", "lukas.weiss")]),
        new("pt", 6,
            ["Não consigo entrar depois de redefinir a senha", "A fatura {n} foi cobrada duas vezes",
             "O pedido {n} chegou danificado", "Como exporto meus dados?"],
            ["Tentei de novo hoje de manhã e continua sem funcionar.", "Anexei uma captura de tela do erro.",
             "Começou depois da última atualização.", "Muito obrigado pela ajuda!"],
            [("João Silva", "joao.silva"), ("Ana Conceição", "ana.conceicao"), ("Gonçalo Araújo", "goncalo.araujo")]),
    ];

    /// <summary>Plausible help-desk tags; tickets get 0-4 of them.</summary>
    public static readonly string[] Tags =
    [
        "billing", "refund", "login", "2fa", "bug", "crash", "feature-request", "vip", "mobile", "ios", "android",
        "api", "invoice", "shipping", "damaged", "export", "gdpr", "cancellation", "onboarding", "integration",
    ];

    /// <summary>Team names; the bench creates one team per entry.</summary>
    public static readonly string[] TeamAreas =
    [
        "Billing", "Accounts", "Technical L1", "Technical L2", "Mobile", "API & Integrations", "Shipping", "Returns",
        "Enterprise", "Onboarding", "Privacy", "Sales", "LATAM", "APAC", "Philippines", "Baltics", "Balkans", "DACH",
        "Brazil", "Escalations",
    ];

    /// <summary>A pasted log snippet: many real tickets carry one, and it makes bodies long.</summary>
    public const string LogSnippet =
        "\n\n--- error log ---\n2025-03-14T09:12:44.512Z ERROR [upload] request failed: status=500 " +
        "trace=7f3a9c2e1b4d4e6f code=E_UPLOAD_TIMEOUT retry=3/3 client=web/5.12.1 (Mozilla/5.0; X11; Linux x86_64)\n" +
        "    at UploadService.Send (upload.js:311:17)\n    at async Queue.flush (queue.js:88:5)\n";
}

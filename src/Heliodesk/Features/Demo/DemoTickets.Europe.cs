using Heliodesk.Features.Tickets;
using static Heliodesk.Features.Demo.DemoScript;
using static Heliodesk.Features.Tickets.TicketStatus;

namespace Heliodesk.Features.Demo;

internal static partial class DemoTickets
{
    private static readonly DemoTicket[] Europe =
    [
        new()
        {
            From = "tomas@nordlinija.example", Language = "lt", Channel = Channel.Email, Opened = Day(14, 6, 50),
            Urgency = CustomerUrgency.High, Team = Technical, Assignee = "ruta", Tags = ["sso", "login"],
            Subject = "Nepavyksta prisijungti per SSO (Azure AD)",
            Body = "Laba diena,\n\nnuo šio ryto darbuotojai negali prisijungti per Azure AD – rodoma klaida „SAML response signature invalid“. Slaptažodžiu prisijungti gali tik administratoriai. Ar kas nors pasikeitė jūsų pusėje?\n\nTomas Jankauskas\nNordlinija",
            Steps =
            [
                Reply(Minutes(20), "ruta", "Laba diena, Tomai,\n\nmūsų pusėje pakeitimų nebuvo. Panašu, kad Azure AD šiandien automatiškai atnaujino pasirašymo sertifikatą. Atsisiųskite naują federacijos metaduomenų failą iš Azure ir įkelkite jį skiltyje Nustatymai → Sauga → SSO. Jei norite, galime tai padaryti kartu telefonu.\n\nRūta", Pending),
                Customer(Minutes(40), "Įkėlėme naują failą – viskas veikia. Ačiū už greitą pagalbą!"),
                Reply(Minutes(10), "ruta", "Puiku! Rekomenduoju Azure AD įjungti pranešimus apie sertifikato galiojimo pabaigą, kad kitą kartą tai jūsų nenustebintų. Gražios dienos!", Solved),
            ],
        },
        new()
        {
            From = "egle.vaitkute@nordlinija.example", Language = "lt", Channel = Channel.HelpCenter, Opened = Day(10, 8, 30),
            Team = Billing, Assignee = "ruta", Tags = ["invoice", "vat"],
            Subject = "Sąskaitoje trūksta PVM mokėtojo kodo",
            Body = "Sveiki, mūsų buhalterija negali priimti paskutinės sąskaitos, nes joje nenurodytas mūsų PVM mokėtojo kodas (LT100012345617). Gal galite pataisyti?",
            Steps =
            [
                Reply(Hours(1), "ruta", "Laba diena, Egle,\n\nPVM mokėtojo kodą įrašiau į jūsų įmonės duomenis, todėl jis bus rodomas visose naujose sąskaitose. Paskutinę sąskaitą išrašiau iš naujo ir išsiunčiau jums el. paštu. Ateityje įmonės duomenis galėsite keisti patys: Nustatymai → Atsiskaitymas → Įmonės duomenys.\n\nRūta", Solved),
            ],
        },
        new()
        {
            From = "rasa.stankeviciene@pastas.example", Language = "lt", Channel = Channel.Chat, Opened = Day(3, 7, 15),
            Team = Onboarding, Assignee = "ruta", Tags = ["how-to", "settings"],
            Subject = "Kaip pakeisti savaitės pradžią į pirmadienį?",
            Body = "Sveiki, kalendoriuje savaitė prasideda sekmadienį. Kaip nustatyti, kad prasidėtų pirmadienį?",
            Steps =
            [
                Reply(Minutes(2), "ruta", "Sveiki, Rasa! Eikite į Nustatymai → Profilis → Regionas ir kalba → Savaitės pradžia ir pasirinkite pirmadienį. Pakeitimas galios ir kalendoriui, ir laiko apskaitai."),
                Customer(Minutes(3), "Radau, ačiū!"),
                Reply(Minutes(1), "ruta", "Malonu padėti. Gražios dienos!", Solved),
            ],
        },
        new()
        {
            From = "tomas@nordlinija.example", Language = "lt", Channel = Channel.Email, Opened = Day(1, 7, 40),
            Urgency = CustomerUrgency.High, Team = Technical, Assignee = "ruta", Tags = ["api", "rate-limit", "erp"],
            Subject = "API grąžina 429 klaidą sinchronizuojant su ERP",
            Body = "Sveiki,\n\nmūsų ERP sistema naktinio sinchronizavimo metu gauna daug 429 („Too Many Requests“) atsakymų, todėl dalis užduočių nesusikuria. Anksčiau tokių problemų nebuvo. Ar pasikeitė API limitai?",
            Steps =
            [
                Reply(Minutes(25), "ruta", "Laba diena, Tomai,\n\nlimitai nesikeitė: Pro planui leidžiama 300 užklausų per minutę. Kiek užklausų per minutę siunčia jūsų ERP jungtis? Atsiųskite ir kelias X-Request-Id reikšmes iš atsakymų su klaida – pagal jas greičiau rasime priežastį."),
                Customer(Hours(1), "Paprastai apie 250 per minutę, bet naktį, kai keliami visi užsakymai, gali būti ir daugiau. Pavyzdžiai: req_8f2c1a, req_8f2c9d, req_8f2d03."),
                Note(Minutes(10), "ruta", "Pro limit is 300/min and their nightly sync bursts above it. Asking T3 to look at how their connector retries."),
                Escalate(Minutes(1), "ruta", 3, Escalations, "oliver"),
                Note(Hours(2), "oliver", "Checked those request ids: the connector retries a 429 immediately and ignores Retry-After, so every retry burns more quota and the burst snowballs. Raised their limit to 600/min for two weeks as a stopgap; they need backoff that honours Retry-After."),
                Reply(Minutes(30), "ruta", "Tomai, mūsų inžinieriai peržiūrėjo jūsų užklausas. Gavusi 429 atsakymą, jūsų ERP jungtis iškart kartoja užklausą ir nepaiso antraštės Retry-After, todėl kiekvienas pakartojimas dar labiau viršija limitą.\n\nDviem savaitėms padidinome jūsų limitą iki 600 užklausų per minutę. Per tą laiką paprašykite ERP tiekėjo, kad jungtis prieš kartodama užklausą palauktų Retry-After nurodytą laiką. Ar galėtumėte rytoj patvirtinti, kad šiąnakt klaidų nebebuvo?", Pending),
            ],
        },
        new()
        {
            From = "egle.vaitkute@nordlinija.example", Language = "lt", Channel = Channel.Email, Opened = Day(0, 7, 5),
            Urgency = CustomerUrgency.Low, Team = Billing, Tags = ["plan-change", "annual"],
            Subject = "Norime pereiti į metinį planą",
            Body = "Sveiki, norėtume pereiti iš mėnesinio į metinį Pro planą. Ar bus įskaičiuota jau sumokėta šio mėnesio suma? Ir ar metinę sąskaitą galima išrašyti eurais su mūsų PVM mokėtojo kodu?",
        },
        new()
        {
            From = "nikola@mostdizajn.example", Language = "sr-Cyrl", Channel = Channel.Email, Opened = Day(15, 9, 10),
            Team = Billing, Assignee = "milica", Tags = ["seats", "invitations"],
            Subject = "Не можемо да додамо нове чланове тима",
            Body = "Поздрав,\n\nпокушавамо да позовемо двоје нових дизајнера, али добијамо поруку „Достигнут је максималан број места“. Имамо Pro план са 10 места, а тренутно само 8 активних корисника. Шта није у реду?\n\nНикола Петровић\nМост Дизајн",
            Steps =
            [
                Reply(Minutes(35), "milica", "Поздрав, Никола,\n\nпозивнице које још нису прихваћене такође заузимају место. Видим две позивнице из прошлог месеца на које нико није одговорио. Можете да их опозовете у Подешавања → Чланови → На чекању, а онда ћете моћи да позовете нове колеге.\n\nМилица", Pending),
                Customer(Hours(1), "Опозвали смо их и све ради. Хвала!"),
                Reply(Minutes(5), "milica", "Драго ми је! Пријатан дан.", Solved),
            ],
        },
        new()
        {
            From = "jelena@mostdizajn.example", Language = "sr-Cyrl", Channel = Channel.HelpCenter, Opened = Day(9, 12, 20),
            Team = Technical, Assignee = "milica", Tags = ["gantt", "bug"],
            Subject = "Гантов дијаграм не приказује зависности између задатака",
            Body = "Здраво,\n\nу пројекту „Ребрендинг Тера“ зависности између задатака видимо у листи, али не и на Гантовом дијаграму. По њима планирамо рокове са клијентом, па нам је ово важно.",
            Steps =
            [
                Reply(Minutes(50), "milica", "Здраво, Јелена,\n\nда ли је укључена опција „Прикажи зависности“ у менију Приказ? Ако јесте, реците ми да ли су повезани задаци у различитим подпројектима."),
                Customer(Minutes(30), "Опција је укључена. Да, већина зависности је између подпројеката „Дизајн“ и „Штампа“."),
                Note(Minutes(20), "milica", "Reproduced: dependencies between sub-projects aren't drawn on the Gantt chart. Filed ENG-2307; on hold until the fix ships."),
                Reply(Minutes(5), "milica", "Хвала, то је био кључни податак. Успела сам да поновим проблем: зависности између подпројеката се не цртају на Гантовом дијаграму. Пријавила сам грешку нашем развојном тиму и јавићу вам се чим исправка буде објављена.\n\nЗависности и даље важе, тако да ће померање рокова радити како треба.", OnHold),
            ],
        },
        new()
        {
            From = "marko.ilic@zelenidorcol.example", Language = "sr-Cyrl", Channel = Channel.Widget, Opened = Day(6, 13, 30),
            Team = Billing, Assignee = "milica", Tags = ["nonprofit", "discount"],
            Subject = "Да ли постоји попуст за непрофитне организације?",
            Body = "Здраво! Водим удружење „Зелени Дорћол“ и тестирамо Orbitask за наше волонтере. Да ли имате попуст за удружења грађана?",
            Steps =
            [
                Reply(Minutes(75), "milica", "Здраво, Марко,\n\nимамо: удружења добијају 50% попуста на Starter и Pro планове. Пошаљите нам матични број удружења из регистра АПР као одговор на ову поруку и одобрићемо попуст пре краја вашег пробног периода.", Pending),
                Customer(Days(1), "Ево матичног броја из регистра АПР: 28123456. Да ли је то довољно?"),
                Note(Minutes(40), "milica", "Checked the APR registry: Зелени Дорћол is a registered association. Applied NP50 to the workspace; it starts with the first paid invoice."),
                Reply(Minutes(5), "milica", "Довољно је, хвала! Попуст од 50% је одобрен и примениће се на први рачун када се пробни период заврши.", Solved),
            ],
        },
        new()
        {
            From = "nikola@mostdizajn.example", Language = "sr-Cyrl", Channel = Channel.Phone, Opened = Day(2, 10, 0),
            Urgency = CustomerUrgency.High, Team = Technical, Assignee = "milica", Tags = ["sharing", "permissions"],
            Subject = "Клијент не може да отвори дељени линк ка пројекту",
            Body = "Говорна порука: Добар дан, овде Никола Петровић из Мост Дизајна. Сутра имамо презентацију, а клијент не може да отвори дељени линк ка пројекту, добија грешку 403. Молим вас да ме позовете на +381 11 555 0198.",
            Steps =
            [
                Reply(Minutes(40), "milica", "Поздрав, Никола, хвала на разговору. Као што смо договорили: линк је био подешен да важи 7 дана и истекао је јуче. Направила сам нови линк без рока важења и послала вам га мејлом. Срећно сутра на презентацији!", Solved),
            ],
        },
        new()
        {
            From = "jelena@mostdizajn.example", Language = "sr-Cyrl", Channel = Channel.Email, Opened = Day(1, 11, 30),
            Team = Onboarding, Assignee = "milica", Tags = ["reports", "export"],
            Subject = "Извоз утрошеног времена по клијенту у Excel",
            Body = "Здраво, потребан нам је месечни извештај утрошеног времена по клијенту, по могућству у Excel-у. Где то могу да нађем?",
            Steps =
            [
                Reply(Hours(1), "milica", "Здраво, Јелена! Извештаји → Време → Групиши по: Клијент → Извези → Excel (.xlsx). Извештај можете и да сачувате, па ће вам сваког првог у месецу сам стићи на мејл.", Pending),
                Customer(Minutes(45), "Хвала, то је то! Да ли у истом извештају може да се види и сатница сваког члана тима?"),
            ],
        },
        new()
        {
            From = "lukas@becker-consulting.example", Language = "de", Channel = Channel.Email, Opened = Day(7, 8, 10),
            Team = Billing, Assignee = "milica", Tags = ["invoice", "rounding"],
            Subject = "Stundensätze auf Rechnungen falsch gerundet",
            Body = "Guten Tag,\n\nauf meiner letzten Kundenrechnung stehen 37,25 Stunden à 95 € = 3.538,75 €, die Rechnungssumme ist aber 3.540,00 €. Mein Kunde hat natürlich nachgefragt. Wie kommt die Differenz zustande?\n\nViele Grüße\nLukas Becker",
            Steps =
            [
                Reply(Minutes(80), "milica", "Hallo Herr Becker,\n\ndanke für das Beispiel. Die Differenz entsteht, weil die Beträge derzeit pro Zeiteintrag auf volle Euro gerundet und erst danach addiert werden. Unter Einstellungen → Rechnungen → Rundung können Sie „pro Rechnungsposition“ wählen; dann entspricht die Summe genau Stunden × Satz. Die betroffene Rechnung stelle ich Ihnen gern korrigiert neu aus.\n\nViele Grüße\nMilica", Pending),
                Customer(Hours(5), "Danke, die Einstellung ist umgestellt. Ja, bitte stellen Sie die Rechnung RE-118 neu aus."),
                Reply(Minutes(30), "milica", "Erledigt: Die korrigierte Rechnung RE-118 über 3.538,75 € finden Sie unter Rechnungen, die alte ist storniert. Einen schönen Tag noch!", Solved),
            ],
        },
    ];
}

using Heliodesk.Features.Tickets;
using Heliodesk.Features.Workforce;
using static Heliodesk.Features.Demo.DemoScript;

namespace Heliodesk.Features.Demo;

/// <summary>
/// Workforce for the demo: minimum-staffing rules per region (two of them not met by the roster, so the coverage
/// grid shows real gaps) and four weeks of routine requests, each answered and solved, so the forecast reads
/// real arrivals and handle times from the event log.
/// </summary>
internal static class DemoStaffing
{
    public static readonly string[] Rules =
    [
        "weekdays 09-17 need 2 agents in AMER",
        "weekdays 09-17 need 1 es-speaking agent in AMER",
        "weekdays 09-17 need 3 agents in EMEA",
        "weekdays 09-17 need 2 es-speaking agents in EMEA",
        "weekdays 09-17 need 1 lt-speaking billing agent in EMEA",
        "weekdays 09-17 need 2 zh-Hans-speaking agents in APAC",
        "weekdays 09-17 need 1 ja-speaking agent in APAC",
    ];

    // Who writes in, when (UTC hours, their working day), to whom, and the routine question and answer.
    private sealed record Stream(string Language, string[] From, int FirstHour, int LastHour, string[] Agents, string Team, (string Subject, string Body, string Answer)[] Requests);

    private static readonly Stream[] Streams =
    [
        new("en", ["jessica.palmer@brightpath.example", "marcus.webb@brightpath.example", "aisha.rahman@brightpath.example"], 14, 21, ["maya", "daniel"], Billing,
            [("Where is last month's invoice?", "I can't find the invoice for last month. Where do I download it?", "It is under Settings → Billing → Invoices; I have emailed you a copy too."),
             ("How do I export my data?", "Is there a way to export all our projects to CSV?", "Yes: Settings → Data → Export, pick CSV, and you get a download link by email.")]),
        new("en", ["priya@kettlecrumb.example", "grace@oneill-architects.example"], 8, 15, ["oliver"], Onboarding,
            [("Adding a colleague", "How do I invite a colleague to our workspace?", "Settings → People → Invite; they get an email with a link to join.")]),
        new("es", ["carmen@carmesi.example", "javier@carmesi.example"], 8, 15, ["lucia"], Billing,
            [("¿Dónde está mi factura?", "No encuentro la factura del mes pasado.", "Está en Ajustes → Facturación → Facturas; también te la he enviado por correo."),
             ("Cambiar el método de pago", "¿Cómo cambio la tarjeta con la que pagamos?", "En Ajustes → Facturación → Método de pago puedes añadir la nueva tarjeta.")]),
        new("es", ["valeria.ortega@rumbo.example", "diego@rumbo.example"], 15, 22, ["sofia", "rafael"], Onboarding,
            [("¿Cómo invito a mi equipo?", "Quiero añadir a tres personas de mi equipo.", "Ve a Ajustes → Personas → Invitar; recibirán un correo para unirse.")]),
        new("lt", ["tomas@nordlinija.example", "egle.vaitkute@nordlinija.example", "rasa.stankeviciene@pastas.example"], 6, 14, ["ruta"], Billing,
            [("Kur rasti sąskaitą?", "Nerandu praėjusio mėnesio sąskaitos.", "Ją rasite skiltyje Nustatymai → Atsiskaitymas → Sąskaitos; taip pat išsiunčiau el. paštu.")]),
        new("zh-Hans", ["wanglei@yunfan.example", "liufang@yunfan.example", "zhaomin@yunfan.example", "lina@lina-studio.example"], 1, 9, ["chen", "liang"], Onboarding,
            [("找不到上个月的发票", "请问上个月的发票在哪里下载？", "在“设置 → 账单 → 发票”中可以下载，我也已通过邮件发送给您。"),
             ("如何邀请同事？", "我想邀请两位同事加入工作区。", "在“设置 → 成员 → 邀请”中输入邮箱即可，对方会收到加入链接。")]),
        new("tl", ["jose.delacruz@bayanihan.example", "angelica@bayanihan.example", "ramon.villanueva@mail.example"], 1, 9, ["maria", "paolo"], Onboarding,
            [("Hindi ko makita ang invoice", "Saan ko makukuha ang invoice noong nakaraang buwan?", "Nasa Settings → Billing → Invoices ito; ipinadala ko na rin sa email mo.")]),
        new("ja", ["tanaka@hoshino-works.example"], 0, 8, ["hannah"], Technical,
            [("ログインできません", "パスワードを再設定してもログインできません。", "ブラウザのキャッシュを削除してから、もう一度お試しください。解決しない場合はお知らせください。")]),
    ];

    private static readonly Channel[] Channels = [Channel.Email, Channel.Chat, Channel.HelpCenter, Channel.Chat, Channel.Email];

    /// <summary>
    /// Routine requests on each weekday of the four weeks before the anchor, one to three per stream and day at
    /// seeded random times, each answered (chats within minutes, the rest within half an hour) and solved.
    /// </summary>
    public static IReadOnlyList<DemoTicket> History(DateTimeOffset anchor)
    {
        var random = new Random(6);
        var tickets = new List<DemoTicket>();
        for (var daysAgo = 28; daysAgo >= 1; daysAgo--)
        {
            if (anchor.AddDays(-daysAgo).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
            foreach (var stream in Streams)
            {
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    var (subject, body, answer) = stream.Requests[random.Next(stream.Requests.Length)];
                    var channel = Channels[random.Next(Channels.Length)];
                    var agent = stream.Agents[random.Next(stream.Agents.Length)];
                    tickets.Add(new DemoTicket
                    {
                        From = stream.From[random.Next(stream.From.Length)],
                        Language = stream.Language,
                        Channel = channel,
                        Opened = Day(daysAgo, random.Next(stream.FirstHour, stream.LastHour), random.Next(60)),
                        Team = stream.Team,
                        Assignee = agent,
                        Tags = ["routine"],
                        Subject = subject,
                        Body = body,
                        Steps = [Reply(Minutes(channel == Channel.Chat ? random.Next(1, 7) : random.Next(8, 35)), agent, answer, TicketStatus.Solved)],
                    });
                }
            }
        }
        return tickets;
    }

    public static void AddRules(Data.HeliodeskDb db, Guid workspaceId, DateTimeOffset now)
    {
        foreach (var rule in Rules)
        {
            var said = StaffingRuleText.ParseSentence(rule);
            var hours = StaffingRuleText.Hours(said.When!);
            db.Add(new StaffingMinimum
            {
                WorkspaceId = workspaceId,
                Region = said.Region!,
                Language = said.Language,
                Skill = said.Skill,
                Agents = said.Agents!.Value,
                When = hours.When,
                HoursOfWeek = [.. hours.HoursOfWeek],
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
    }
}

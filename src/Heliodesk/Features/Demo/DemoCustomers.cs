using static Heliodesk.Features.Contacts.LifecycleStage;
using static Heliodesk.Features.Demo.DemoScript;

namespace Heliodesk.Features.Demo;

/// <summary>
/// Customers of "Orbitask", the fictional project-management and invoicing app the demo team supports.
/// Domains use the reserved .example TLD so nothing the demo does can reach a real mailbox.
/// </summary>
internal static class DemoCustomers
{
    public static readonly DemoOrganization[] Organizations =
    [
        new("Brightpath Logistics", "brightpath.example", Account("Enterprise", 4800m, "USD", 790, Established),
            "140 seats. Warehouse leads run daily pick lists from Orbitask boards; sync outages stop shipments."),
        new("Nordlinija UAB", "nordlinija.example", Account("Pro", 690m, "EUR", 430, Established),
            "Freight forwarder in Klaipėda; syncs tasks with their ERP through the API."),
        new("Мост Дизајн д.о.о.", "mostdizajn.example", Account("Pro", 340m, "EUR", 48, New)),
        new("Estudio Carmesí", "carmesi.example", Account("Starter", 79m, "EUR", 210, Established)),
        new("Agencia Rumbo", "rumbo.example", Account("Pro", 0m, "USD", 16, Trial),
            "Marketing agency in Guadalajara trialling Pro for 9 people."),
        new("上海云帆信息科技有限公司", "yunfan.example", Account("Enterprise", 3200m, "USD", 320, Established),
            "Annual contract; ERP creates production tasks through the batch API every ten minutes."),
        new("Bayanihan Builders Inc.", "bayanihan.example", Account("Starter", 2900m, "PHP", 62, New),
            "Construction firm; foremen upload site photos from Android phones."),
        new("Kettle & Crumb Bakery", "kettlecrumb.example", Account("Starter", 0m, "GBP", 540, Churned),
            "Cancelled last month: moved to a tool bundled with their point-of-sale system."),
    ];

    public static readonly DemoContact[] Contacts =
    [
        new("Jessica Palmer", "jessica.palmer@brightpath.example", "en", "America/Chicago", Phone: "+1 312 555 0142"),
        new("Marcus Webb", "marcus.webb@brightpath.example", "en", "America/New_York"),
        new("Aisha Rahman", "aisha.rahman@brightpath.example", "en", "America/Chicago"),
        new("Tomas Jankauskas", "tomas@nordlinija.example", "lt", "Europe/Vilnius"),
        new("Eglė Vaitkutė", "egle.vaitkute@nordlinija.example", "lt", "Europe/Vilnius"),
        new("Никола Петровић", "nikola@mostdizajn.example", "sr-Cyrl", "Europe/Belgrade", Phone: "+381 11 555 0198"),
        new("Јелена Марковић", "jelena@mostdizajn.example", "sr-Cyrl", "Europe/Belgrade"),
        new("Carmen Ruiz", "carmen@carmesi.example", "es", "Europe/Madrid"),
        new("Javier Molina", "javier@carmesi.example", "es", "Europe/Madrid"),
        new("Valeria Ortega", "valeria.ortega@rumbo.example", "es", "America/Mexico_City"),
        new("Diego Herrera", "diego@rumbo.example", "es", "America/Mexico_City"),
        new("王磊", "wanglei@yunfan.example", "zh-Hans", "Asia/Shanghai"),
        new("刘芳", "liufang@yunfan.example", "zh-Hans", "Asia/Shanghai"),
        new("赵敏", "zhaomin@yunfan.example", "zh-Hans", "Asia/Shanghai"),
        new("Jose Dela Cruz", "jose.delacruz@bayanihan.example", "tl", "Asia/Manila", Phone: "+63 917 555 0123"),
        new("Angelica Bautista", "angelica@bayanihan.example", "tl", "Asia/Manila"),
        new("Priya Shah", "priya@kettlecrumb.example", "en", "Europe/London"),
        new("Mateo Silva", "mateo.silva@fotomateo.example", "pt", "America/Sao_Paulo", Account("Starter", 19m, "USD", 380, Established)),
        new("Rasa Stankevičienė", "rasa.stankeviciene@pastas.example", "lt", "Europe/Vilnius", Account("Starter", 15m, "EUR", 40, New)),
        new("Марко Илић", "marko.ilic@zelenidorcol.example", "sr-Cyrl", "Europe/Belgrade", Account("Pro", 0m, "EUR", 9, Trial)),
        new("李娜", "lina@lina-studio.example", "zh-Hans", "Asia/Shanghai", Account("Pro", 0m, "USD", 13, Trial)),
        new("Ramon Villanueva", "ramon.villanueva@mail.example", "tl", "Asia/Manila", Prospect(5)),
        new("Kristine Mae Reyes", "kristine@kmreyes-design.example", "tl", "Asia/Manila", Account("Starter", 499m, "PHP", 33, New)),
        new("Lukas Becker", "lukas@becker-consulting.example", "de", "Europe/Berlin", Account("Pro", 49m, "EUR", 610, Established)),
        new("田中由紀", "tanaka@hoshino-works.example", "ja", "Asia/Tokyo", Account("Pro", 58m, "USD", 26, New)),
        new("Sam Carter", "sam@cartercatering.example", "en", "Australia/Sydney", Account("Starter", 19m, "USD", 95, New)),
        new("Grace O'Neill", "grace@oneill-architects.example", "en", "Europe/Dublin", Account("Free", 0m, "EUR", 160, Established)),
    ];
}

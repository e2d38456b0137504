using Heliodesk.Features.Tickets;
using static Heliodesk.Features.Demo.DemoScript;
using static Heliodesk.Features.Tickets.TicketStatus;

namespace Heliodesk.Features.Demo;

internal static partial class DemoTickets
{
    private static readonly DemoTicket[] Asia =
    [
        new()
        {
            From = "wanglei@yunfan.example", Language = "zh-Hans", Channel = Channel.Api, Opened = Day(11, 2, 15),
            Urgency = CustomerUrgency.Critical, Team = Technical, Assignee = "chen", Tags = ["api", "regression", "enterprise"],
            Subject = "API 批量创建任务接口大量返回 500 错误",
            Body = "你好，从今天早上九点左右开始，我们调用 POST /v2/tasks/batch 时大约一半的请求返回 500 错误。我们的 ERP 每十分钟同步一次生产任务，现在车间排程已经停了，请尽快处理！\n\n请求 ID 示例：req_71ab02、req_71ab5f",
            Steps =
            [
                Reply(Minutes(9), "chen", "王先生您好，我们已经在排查了。请问每次批量请求大概包含多少条任务？"),
                Customer(Minutes(6), "每批 500 条左右，以前一直没问题。"),
                Note(Minutes(4), "chen", "Batch endpoint times out above ~250 items since yesterday's deploy (validation now runs per item). Paging on-call and escalating to T3."),
                Escalate(Minutes(1), "chen", 3, Escalations, "daniel"),
                Note(Minutes(25), "daniel", "Confirmed: regression in the batch validator from yesterday's deploy. Rollback in progress, ETA 30 min. Chen, suggest batches of 200 meanwhile."),
                Reply(Minutes(5), "chen", "王先生，问题已经确认：昨天的版本更新导致超过 250 条的批量请求超时。我们正在回滚，预计 30 分钟内恢复。在此之前，建议将每批数量降到 200 条以内，这样可以正常同步。", Pending),
                Reply(Minutes(35), "chen", "回滚已经完成，500 条的批量请求已恢复正常。给您的生产排程带来影响，我们非常抱歉。本周内我们会把事故报告发给您。", Solved),
            ],
        },
        new()
        {
            From = "liufang@yunfan.example", Language = "zh-Hans", Channel = Channel.Email, Opened = Day(19, 3, 0),
            Team = Billing, Assignee = "chen", Tags = ["invoice"],
            Subject = "发票抬头需要改成公司全称",
            Body = "您好，我们财务要求发票抬头必须是公司全称「上海云帆信息科技有限公司」，目前发票上只有「云帆科技」。麻烦修改一下，并重新开具本月的发票。谢谢！",
            Steps =
            [
                Reply(Minutes(90), "chen", "刘女士您好，已将发票抬头更新为「上海云帆信息科技有限公司」，并重新开具了本月发票，已发送到您的邮箱。以后的发票都会使用新的抬头。如有其他需要，随时联系我们。", Solved),
            ],
        },
        new()
        {
            From = "zhaomin@yunfan.example", Language = "zh-Hans", Channel = Channel.Widget, Opened = Day(5, 6, 20),
            Team = Onboarding, Assignee = "liang", Tags = ["how-to", "recurring-tasks"],
            Subject = "如何设置每周重复的任务？",
            Body = "你好，我想让「周例会纪要」这个任务每周一自动生成，应该在哪里设置？",
            Steps =
            [
                Reply(Minutes(4), "liang", "您好！打开任务，点击「截止日期」→「重复」→「每周」，然后勾选「周一」即可。之后每周一都会自动生成一个新任务。", Solved),
                Customer(Minutes(10), "找到了，谢谢！另外能不能设置成只在工作日每天重复？"),
                Reply(Minutes(3), "liang", "可以的：在「重复」里选择「自定义」→「每个工作日」，周末就不会生成任务了。", Solved),
            ],
        },
        new()
        {
            From = "lina@lina-studio.example", Language = "zh-Hans", Channel = Channel.Chat, Opened = Day(1, 5, 0),
            Team = Onboarding, Assignee = "liang", Tags = ["trial", "gantt", "time-tracking"],
            Subject = "试用期能否延长？",
            Body = "你好，我们团队还在评估，试用期只剩两天了，可以延长吗？",
            Steps =
            [
                Reply(Minutes(2), "liang", "您好！可以为您延长 7 天试用。请问您主要在评估哪些功能？我可以把相关的入门指南发给您。"),
                Customer(Minutes(4), "主要是甘特图和工时统计，我们团队 12 个人。"),
                Note(Minutes(3), "liang", "Trial extended 7 days. 12-seat Pro lead: flagging to Maya for a sales follow-up."),
                Reply(Minutes(1), "liang", "已为您延长到下周五。这两篇指南应该对您有帮助：《甘特图入门》和《工时统计与报表》。有任何问题随时联系我们！", Pending),
            ],
        },
        new()
        {
            From = "wanglei@yunfan.example", Language = "zh-Hans", Channel = Channel.Email, Opened = Day(0, 1, 30),
            Team = Billing, Tags = ["new-workspace", "enterprise"],
            Subject = "需要为新成立的子公司单独开通一个工作区",
            Body = "你好，我们在深圳新成立了一家子公司，大约 30 人。希望给他们单独开一个工作区，但费用合并到现有的企业合同里。请问应该怎么操作？",
        },
        new()
        {
            From = "jose.delacruz@bayanihan.example", Language = "tl", Channel = Channel.Phone, Opened = Day(13, 1, 30),
            Urgency = CustomerUrgency.High, Team = Technical, Assignee = "paolo", Tags = ["mobile", "android", "attachments"],
            Subject = "Hindi ma-upload ang mga litrato mula sa site",
            Body = "Voicemail: Magandang umaga po, si Jose Dela Cruz po ito ng Bayanihan Builders. Hindi po ma-upload ng mga foreman namin ang mga litrato mula sa site gamit ang Android app. Umiikot lang at walang nangyayari. Pakitawagan po ako sa 0917 555 0123. Salamat po.",
            Steps =
            [
                Reply(Minutes(35), "paolo", "Magandang umaga po, Sir Jose. Salamat po sa pagkausap kanina. Gaya po ng napag-usapan natin, pakisubukan pong i-update ang app sa bersyon 5.12 at i-on ang \"Mag-upload gamit ang mobile data\" sa Settings. Babalikan ko po kayo bukas para kumustahin.", Pending),
                Customer(Days(1), "Gumagana na po sa karamihan ng phone, pero sa dalawang lumang Samsung ay ayaw pa rin mag-upload."),
                Note(Minutes(20), "paolo", "Both failing phones are Galaxy J7s on Android 9. Escalating to T2."),
                Escalate(Minutes(1), "paolo", 2, Technical, "hannah"),
                Note(Hours(2), "hannah", "Android 9 can't negotiate TLS 1.3, which the new chunked-upload host requires. Engineering ticket ENG-2315. Workaround: upload from the phone's browser."),
                Reply(Minutes(15), "paolo", "Sir Jose, natukoy na po ng aming mga engineer ang problema: hindi kaya ng mga phone na may lumang Android 9 ang bagong paraan ng pag-upload, at inaayos na po ito. Habang hinihintay, puwede pong mag-upload ang dalawang foreman gamit ang browser ng phone sa app.orbitask.example. Babalitaan ko po kayo kapag ayos na.", OnHold),
            ],
        },
        new()
        {
            From = "angelica@bayanihan.example", Language = "tl", Channel = Channel.Email, Opened = Day(8, 2, 0),
            Team = Billing, Assignee = "maria", Tags = ["invoice", "refund"],
            Subject = "Doble ang singil ngayong buwan",
            Body = "Hi po, napansin ko pong dalawang beses kaming nasingil ng ₱2,900 para sa Starter plan ngayong buwan. Pakicheck po at pakibalik ang sobra. Salamat po.\n\nAngelica Bautista\nBayanihan Builders",
            Steps =
            [
                Reply(Minutes(25), "maria", "Hi Ma'am Angelica, pasensya na po sa abala. Nakita ko po ang dobleng singil noong ika-1 at naibalik ko na po ang ₱2,900 sa inyong card. Lalabas po ito sa statement ninyo sa loob ng 5 hanggang 10 araw ng trabaho.", Solved),
            ],
        },
        new()
        {
            From = "ramon.villanueva@mail.example", Language = "tl", Channel = Channel.Widget, Opened = Day(4, 4, 10),
            Team = Onboarding, Assignee = "maria", Tags = ["pricing", "pre-sales"],
            Subject = "Magkano ang Pro plan para sa 5 tao?",
            Body = "Hello po! Magkano po ang Pro plan kung lima kami sa team? At may libreng trial po ba?",
            Steps =
            [
                Reply(Minutes(6), "maria", "Hi Sir Ramon! Ang Pro plan po ay $12 kada user bawat buwan kapag taunan ang bayad, kaya $60 kada buwan para sa lima. May 14 na araw na libreng trial po, at hindi kailangan ng credit card."),
                Customer(Minutes(20), "Puwede po bang magbayad gamit ang GCash?"),
                Reply(Minutes(8), "maria", "Sa ngayon po, card at bank transfer pa lang ang tinatanggap namin. Para sa taunang plano, puwede ko po kayong padalhan ng quotation para sa bank transfer. Gusto n'yo po ba?", Pending),
            ],
        },
        new()
        {
            From = "kristine@kmreyes-design.example", Language = "tl", Channel = Channel.Chat, Opened = Day(2, 3, 20),
            Team = Onboarding, Assignee = "paolo", Tags = ["how-to", "invoicing"],
            Subject = "Paano magdagdag ng kliyente sa invoice?",
            Body = "Hi! Paano po ba magdagdag ng bagong kliyente para ma-invoice ko siya?",
            Steps =
            [
                Reply(Minutes(1), "paolo", "Hello po! Pumunta po kayo sa Invoices → Clients → Bagong kliyente. Pagkatapos, piliin n'yo na lang po siya kapag gumagawa na kayo ng invoice."),
                Customer(Minutes(2), "Ayun, nakita ko na. Salamat po!"),
                Reply(Minutes(1), "paolo", "Walang anuman po! Sabihan n'yo lang po kami kung may iba pa kayong tanong.", Solved),
            ],
        },
        new()
        {
            From = "jose.delacruz@bayanihan.example", Language = "tl", Channel = Channel.HelpCenter, Opened = Day(0, 2, 40),
            Team = Onboarding, Tags = ["approvals", "workflow"],
            Subject = "Puwede bang may approval bago ma-close ang task?",
            Body = "Gusto po sana namin na kailangan munang aprubahan ng project engineer bago ma-mark na \"Tapos\" ang isang task. Posible po ba ito sa Starter plan?",
        },
        new()
        {
            From = "tanaka@hoshino-works.example", Language = "ja", Channel = Channel.Email, Opened = Day(6, 0, 30),
            Team = Billing, Assignee = "hannah", Tags = ["invoice"],
            Subject = "請求書の宛名を日本語で表示したい",
            Body = "お世話になっております。星野工房の田中です。\n\n請求書の宛名を会社名の日本語表記（株式会社星野工房）にしたいのですが、設定方法を教えていただけますか。\n\nよろしくお願いいたします。",
            Steps =
            [
                Reply(Hours(1), "hannah", "田中様\n\nお問い合わせいただきありがとうございます。設定 → 請求 → 会社情報 の「請求書の宛名」に「株式会社星野工房」とご入力いただくと、次回以降の請求書に反映されます。\n\nHannah", Solved),
                Customer(Minutes(40), "ありがとうございます。反映されました。すでに発行済みの今月分の請求書も、新しい宛名で再発行していただけますか。"),
                Reply(Minutes(20), "hannah", "承知いたしました。今月分の請求書を新しい宛名で再発行し、メールでお送りしました。請求書の一覧からもダウンロードいただけます。", Solved),
            ],
        },
    ];
}

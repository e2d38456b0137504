using Heliodesk.Features.Tickets;
using static Heliodesk.Features.Demo.DemoScript;
using static Heliodesk.Features.Tickets.TicketStatus;

namespace Heliodesk.Features.Demo;

internal static partial class DemoTickets
{
    private static readonly DemoTicket[] English =
    [
        new()
        {
            From = "jessica.palmer@brightpath.example", Language = "en", Channel = Channel.HelpCenter, Opened = Day(6, 14, 5),
            Urgency = CustomerUrgency.Critical, Team = Technical, Assignee = "oliver", Tags = ["sync", "outage", "enterprise"],
            Subject = "URGENT: boards stopped syncing for the whole company",
            Body = "For the last half hour none of our boards have been updating. Tasks created on mobile don't show up on desktop and the status column is frozen for everyone.\n\nOur warehouse leads run today's pick lists from Orbitask, so this is stopping shipments. Please call me if that's faster: +1 312 555 0142.",
            Steps =
            [
                Reply(Minutes(11), "oliver", "Hi Jessica, I'm on it. I can see the sync queue for your workspace is backed up and I'm pulling in our on-call engineer now. I'll update you within 30 minutes even if I have nothing new.\n\nOliver"),
                Note(Minutes(4), "oliver", "Brightpath's sync is stuck behind their 38k-row CSV import, started just before the delay, which runs in the same queue as live sync. Paged on-call infra; taking this to T3."),
                Escalate(Minutes(1), "oliver", 3, Escalations, "oliver"),
                Reply(Minutes(24), "oliver", "Update: a large CSV import that started just before the delay was holding up sync for your whole workspace. We've moved it to a separate lane and sync is catching up; boards should be current within 10 minutes.\n\nCould you confirm once your warehouse leads see today's lists?", Pending),
                Customer(Minutes(14), "Confirmed, everything is updating again and the pick lists are back. Can we get a short write-up of what happened for our ops director?"),
                Reply(Hours(2), "oliver", "Glad it's back. Here's the summary for your director:\n\nWhat happened: a 38,000-row CSV import ran in the same queue that keeps boards in sync, and held up sync for your workspace for about 70 minutes. No data was lost.\nHow we fixed it: we moved the import to its own lane; sync caught up within 10 minutes.\nWhat changes: imports no longer share that queue with sync, for any customer.\n\nJust reply here if anything looks off.", Solved),
            ],
        },
        new()
        {
            From = "aisha.rahman@brightpath.example", Language = "en", Channel = Channel.Email, Opened = Day(12, 15, 30),
            Team = Billing, Assignee = "maya", Tags = ["invoice", "seats", "credit"],
            Subject = "Invoice shows 152 seats, we only have 140 users",
            Body = "Hi,\n\nOur invoice for this month (INV-2291) bills 152 seats, but the admin page shows 140 active users. Can you explain the difference? I need to code this invoice by Friday.\n\nThanks,\nAisha Rahman\nAccounts Payable, Brightpath Logistics",
            Steps =
            [
                Reply(Minutes(100), "maya", "Hi Aisha,\n\nThe 12 extra seats belong to people who were deactivated on the 3rd. A deactivated user keeps their seat until the end of the billing period they were in, so they still appear on this invoice and will drop off next month.\n\nIf you'd like those 12 credited, just say so.\n\nMaya Thompson, Orbitask Support", Pending),
                Customer(Hours(20), "Thanks Maya. They were contractors whose project ended, so yes, could you credit the 12 seats for this month?"),
                Note(Minutes(40), "maya", "Within credit policy (under $500, first request this year): 12 seats prorated from the 3rd = $268.80."),
                Reply(Minutes(5), "maya", "Done: a credit of $268.80 is on your account and will come off next month's invoice automatically. Nothing else you need to do.", Solved),
                Close(Days(4)),
                Customer(Days(2), "Hi Maya, the credit is on the new invoice, thank you. One more thing: can invoices also go to ap@brightpath.example? Our AP team files them from that mailbox."),
                Reply(Minutes(50), "maya", "Hi Aisha, done: ap@brightpath.example now gets a copy of every invoice and receipt, and you stay the billing contact. Have a good week!", Solved),
            ],
        },
        new()
        {
            From = "priya@kettlecrumb.example", Language = "en", Channel = Channel.Email, Opened = Day(9, 10, 20),
            Urgency = CustomerUrgency.Low, Team = Billing, Assignee = "lucia", Tags = ["export", "cancellation"],
            Subject = "Exporting our data after cancelling",
            Body = "Hello, we cancelled our subscription last month. Before we lose access, how do we export everything: projects, tasks and the recipe photos attached to them?\n\nThanks, Priya",
            Steps =
            [
                Reply(Minutes(35), "lucia", "Hi Priya,\n\nSorry to see you go. Your workspace stays read-only for 90 days, so nothing is lost yet. Go to Settings → Data → Export and choose JSON (everything) or CSV (one file per project); we email you a link when it's ready.\n\nLucía", Solved),
                Customer(Hours(3), "The export worked, but the photos aren't in it, only the task text."),
                Reply(Hours(1), "lucia", "You're right, files are a separate download: on the same export screen tick \"Include attachments\" and you'll get a second ZIP with every file, one folder per project. For a workspace your size it takes about 20 minutes.", Solved),
                Close(Days(4)),
            ],
        },
        new()
        {
            From = "sam@cartercatering.example", Language = "en", Channel = Channel.Widget, Opened = Day(4, 23, 10),
            Team = Technical, Assignee = "hannah", Tags = ["recurring-tasks", "bug"],
            Subject = "Recurring task created twice on Mondays",
            Body = "Hi, our weekly 'Pay suppliers' task has shown up twice on each of the last two Mondays. Is that something I did? I really don't want to pay anyone twice!",
            Steps =
            [
                Reply(Minutes(22), "hannah", "Hi Sam, thanks for flagging it. Is the repeat rule set on the task itself, or on a template the task comes from? A screenshot of the repeat settings would help too."),
                Customer(Minutes(40), "Just on the task, every Monday. Now that you mention it, I moved it from 9am to 8am a couple of weeks ago."),
                Note(Minutes(15), "hannah", "Matches ENG-2291: changing the time of a repeating task leaves the old series running next to the new one. Fix ships in Thursday's release."),
                Reply(Minutes(5), "hannah", "That was the clue, thank you! Changing the time of a repeating task left the old schedule running next to the new one, so each Monday gets two copies. The fix goes out in our next release and cleans up the old schedule; I'll keep this ticket open and tell you when it's live.\n\nUntil then, delete the extra copy on Mondays. It doesn't touch the task's history or time entries.", OnHold),
            ],
        },
        new()
        {
            From = "marcus.webb@brightpath.example", Language = "en", Channel = Channel.Api, Opened = Day(2, 17, 45),
            Urgency = CustomerUrgency.High, Team = Technical, Assignee = "daniel", Tags = ["api", "webhooks"],
            Subject = "Webhook deliveries failing with 401 after key rotation",
            Body = "We rotated our API key this morning as part of our quarterly policy. Since then every webhook delivery to our endpoint fails and the delivery log shows a 401 from our side. Did rotation change how you sign requests?",
            Steps =
            [
                Reply(Minutes(65), "daniel", "Hi Marcus, rotating the API key also rotates the webhook signing secret, so your receiver is checking signatures with the old one and rejecting every delivery. The new secret is under Settings → API → Webhooks → Signing secret. Once your receiver has it, use \"Redeliver failed\" on that page to replay everything since this morning.", Pending),
                Customer(Minutes(50), "That was it, the receiver had the old secret hardcoded. Redelivery worked and we're all caught up. Thanks!"),
                Reply(Minutes(15), "daniel", "Great! For next quarter: you can rotate the signing secret on its own and keep both secrets valid for 24 hours, which avoids the gap.", Solved),
            ],
        },
        new()
        {
            From = "jessica.palmer@brightpath.example", Language = "en", Channel = Channel.Email, Opened = Day(0, 15, 20),
            Team = Technical, Tags = ["sso"],
            Subject = "SSO for contractors on a different domain",
            Body = "We're bringing on a contractor team from Lakeside Staffing for peak season. They sign in with their own Okta, not ours. Can we add a second identity provider for their domain, or do they need accounts in our Okta?",
        },
        new()
        {
            From = "marcus.webb@brightpath.example", Language = "en", Channel = Channel.Chat, Opened = Day(1, 20, 10),
            Team = Onboarding, Assignee = "sofia", Tags = ["how-to"],
            Subject = "Move a task to another project",
            Body = "hey, how do I move a task to a different project without losing the comments?",
            Steps =
            [
                Reply(Minutes(2), "sofia", "Hi Marcus! Open the task, click ⋯ in the top right → Move to project. Comments, files and time entries all move with it."),
                Customer(Minutes(3), "perfect, found it. thanks!"),
                Reply(Minutes(1), "sofia", "Anytime! Have a good afternoon.", Solved),
            ],
        },
        new()
        {
            From = "jessica.palmer@brightpath.example", Language = "en", Channel = Channel.Email, Opened = Day(1, 16, 0),
            Urgency = CustomerUrgency.High, Team = Technical, Assignee = "oliver", Tags = ["audit-log", "security", "enterprise"],
            Subject = "Audit log export for our SOC 2 review",
            Body = "Our auditors need the Orbitask audit log for the first quarter of last year (sign-ins, permission changes, exports). The export in Settings only goes back 12 months. Can you pull the older part for us? They need it by next Wednesday.",
            Steps =
            [
                Reply(Hours(2), "oliver", "Hi Jessica, yes: we keep audit events for seven years, and anything older than 12 months lives in cold storage, so we export it for you. To be sure we pull the right slice: is it January 1 to March 31 of last year, and is CSV fine for the auditors?", Pending),
                Customer(Hours(4), "Yes, Jan 1 – Mar 31, and CSV is fine. Thanks Oliver."),
                Note(Hours(10), "oliver", "Asked the data team for the cold-storage export (DATA-88); they promise it for Monday. I'll send Jessica a secure link as soon as it lands."),
            ],
        },
        new()
        {
            From = "aisha.rahman@brightpath.example", Language = "en", Channel = Channel.Email, Opened = Day(3, 14, 40),
            Urgency = CustomerUrgency.Low, Team = Billing, Assignee = "maya", Tags = ["tax-forms"],
            Subject = "W-9 for our vendor file",
            Body = "Hi, our vendor management team is asking for an up-to-date W-9 from Orbitask. Could you send one over?",
            Steps =
            [
                Reply(Minutes(75), "maya", "Hi Aisha, you can always download our current signed W-9 from Settings → Billing → Documents. I've also emailed a copy to you directly so you have it today.", Solved),
            ],
        },
    ];
}

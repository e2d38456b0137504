using System.Net;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Features.Outbox;
using Heliodesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Email;

public sealed class RetentionSweepTests(TestDatabases databases, MailServer mail)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Done_side_effects_and_captured_mail_go_after_their_retention_and_sent_mail_keeps_its_state(DatabaseProvider provider)
    {
        // Isolated: the sweep runs across workspaces, and the clock jumps a month.
        await using var app = await databases.IsolatedAsync(provider);
        var sweeper = app.Services.GetRequiredService<RetentionSweeper>();
        var (captureWs, captureSupport, captureCustomer, captureBox) = await app.SupportDeskAsync(mail, smtp: false);
        var (sendWs, sendSupport, sendCustomer, sendBox) = await app.SupportDeskAsync(mail);
        await captureWs.ReceiveMailAsync(mail, captureBox.Id, EmailTestApi.CustomerMail(captureCustomer, captureSupport, "Old", "Old question"));
        await sendWs.ReceiveMailAsync(mail, sendBox.Id, EmailTestApi.CustomerMail(sendCustomer, sendSupport, "Sent", "Please answer"));
        var sentTicket = Assert.Single(await sendWs.TicketsOfAsync(sendCustomer));
        await sendWs.Owner.ReplyAsync(sentTicket.Id, "Answered by mail.");
        await app.DeliverOutboxAsync();

        // The hosted sweeper also runs on the fake clock's hours; the outcome is the same whichever sweeps first.
        app.Clock.Advance(TimeSpan.FromDays(29));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(3, await OutboxRowsAsync(app));
        Assert.Single((await (await captureWs.Owner.GetAsync("/api/v1/dev-mailbox")).ReadAsync<CapturedEmailPage>(HttpStatusCode.OK)).Items);
        var captureTicket = Assert.Single(await captureWs.TicketsOfAsync(captureCustomer));
        await captureWs.Owner.ReplyAsync(captureTicket.Id, "A recent answer.");
        await app.DeliverOutboxAsync();
        app.Clock.Advance(TimeSpan.FromDays(2));

        await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(1, await OutboxRowsAsync(app)); // the recent reply's; two acknowledgements and a reply went
        var captured = await (await captureWs.Owner.GetAsync("/api/v1/dev-mailbox")).ReadAsync<CapturedEmailPage>(HttpStatusCode.OK);
        Assert.Equal([OutboundPurpose.Reply], captured.Items.Select(i => i.Purpose));
        var sent = await sendWs.TicketEmailsAsync(sentTicket.Id);
        Assert.Equal([DeliveryState.Sent, DeliveryState.Sent], sent.Outbound.Select(o => o.State));
    }

    private static async Task<int> OutboxRowsAsync(HeliodeskApplication app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HeliodeskDb>().Set<OutboxMessage>().IgnoreQueryFilters().CountAsync();
    }
}

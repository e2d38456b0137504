using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Heliodesk.Tests.Email;

/// <summary>The background reader: with IMAP IDLE a mail becomes a ticket as it arrives, without any poll.</summary>
public sealed class MailboxWatcherTests(TestDatabases databases, MailServer mail)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task With_idle_a_mail_becomes_a_ticket_as_it_arrives(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        await using var node = app.WithWebHostBuilder(b => b.UseSetting("Heliodesk:Email:RunFetcher", "true"));
        using var admin = node.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", HeliodeskApplication.BootstrapToken);
        var created = await (await admin.PostAsJsonAsync("/api/v1/workspaces", new { name = "Idle" }, TestApi.Json)).ReadAsync<Features.Workspaces.CreatedWorkspace>(HttpStatusCode.Created);
        using var owner = node.CreateClient();
        owner.DefaultRequestHeaders.Authorization = new("Bearer", created.OwnerToken);
        var ws = new TestWorkspace(created.Id, created.Name, created.OwnerAgentId, created.OwnerToken, owner);
        var support = await mail.NewAddressAsync(MailServer.SupportDomain);
        var customer = await mail.NewAddressAsync(MailServer.CustomerDomain);
        var mailbox = await ws.ConnectMailboxAsync(mail, support);

        // The next tick of the watcher's clock finds the new mailbox and reads it (empty); from then on it waits
        // in IDLE, and the fake clock stands still, so only the server's notice can bring the next mail in.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var deadline = Patience.Deadline;
        while ((await (await owner.GetAsync($"/api/v1/mailboxes/{mailbox.Id}")).ReadAsync<MailboxResponse>(HttpStatusCode.OK)).LastFetchAt is null
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        await mail.SendAsync(EmailTestApi.CustomerMail(customer, support, "Arrived while idle", "Hello from IDLE."));

        List<TicketResponse> tickets;
        while ((tickets = await ws.TicketsOfAsync(customer)).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100); // a real server and a real socket: there is no clock to advance here
        }
        Assert.Equal("Arrived while idle", Assert.Single(tickets).Subject);
        Assert.Empty(await mail.InboxAsync(support, 0, unseenOnly: true));
    }
}
